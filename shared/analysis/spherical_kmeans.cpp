// Spherical k-means over the rows of a DocumentMatrix (see spherical_kmeans.hpp). Centroids are
// stored feature-major (for each feature, its value in every cluster) so that scoring a row
// against all clusters is a few contiguous multiply-adds per feature of the row.
#include "shared/analysis/spherical_kmeans.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace machiba::analysis {

namespace {

// The rows being clustered, with their sparse columns renumbered to the columns they use.
class Problem {
public:
    Problem(DocumentMatrix const& matrix, std::vector<std::uint32_t> const& rows)
        : m_matrix(matrix)
        , m_rows(rows)
    {
        // 1. Local column numbers, in order of first use, so centroids stay small.
        std::unordered_map<std::uint32_t, std::uint32_t> local;
        m_row_start.push_back(0);
        for (std::uint32_t row : rows) {
            for (std::uint32_t k = matrix.row_start[row]; k < matrix.row_start[row + 1]; ++k) {
                auto [found, inserted] =
                    local.emplace(matrix.columns[k], static_cast<std::uint32_t>(local.size()));
                m_columns.push_back(found->second);
                m_values.push_back(matrix.values[k]);
            }
            m_row_start.push_back(static_cast<std::uint32_t>(m_columns.size()));
        }
        m_sparse_features = local.size();
        m_features = m_sparse_features + matrix.dense_dimensions;
    }

    std::size_t size() const { return m_rows.size(); }
    std::size_t features() const { return m_features; }

    bool is_zero(std::size_t i) const
    {
        if (m_row_start[i] != m_row_start[i + 1])
            return false;
        float const* dense = dense_row(i);
        return std::all_of(dense, dense + m_matrix.dense_dimensions,
                           [](float x) { return x == 0.0f; });
    }

    // scores[c] = dot(row i, centroid c) for the k centroids stored feature-major.
    void score(std::size_t i, std::vector<float> const& centroids, std::size_t k,
               float* scores) const
    {
        std::fill(scores, scores + k, 0.0f);
        for (std::uint32_t e = m_row_start[i]; e < m_row_start[i + 1]; ++e) {
            float const value = m_values[e];
            float const* centroid = &centroids[m_columns[e] * k];
            for (std::size_t c = 0; c < k; ++c)
                scores[c] += value * centroid[c];
        }
        float const* dense = dense_row(i);
        float const* centroid = &centroids[m_sparse_features * k];
        for (std::size_t j = 0; j < m_matrix.dense_dimensions; ++j, centroid += k) {
            float const value = dense[j];
            if (value == 0.0f)
                continue;
            for (std::size_t c = 0; c < k; ++c)
                scores[c] += value * centroid[c];
        }
    }

    // centroids[f * k + c] += weight * row i.
    void add(std::size_t i, float weight, std::vector<float>& centroids, std::size_t k,
             std::size_t c) const
    {
        for (std::uint32_t e = m_row_start[i]; e < m_row_start[i + 1]; ++e)
            centroids[m_columns[e] * k + c] += weight * m_values[e];
        float const* dense = dense_row(i);
        for (std::size_t j = 0; j < m_matrix.dense_dimensions; ++j)
            centroids[(m_sparse_features + j) * k + c] += weight * dense[j];
    }

private:
    float const* dense_row(std::size_t i) const
    {
        return m_matrix.dense.data() +
               static_cast<std::size_t>(m_rows[i]) * m_matrix.dense_dimensions;
    }

    DocumentMatrix const& m_matrix;
    std::vector<std::uint32_t> const& m_rows;
    std::vector<std::uint32_t> m_row_start;
    std::vector<std::uint32_t> m_columns;
    std::vector<float> m_values;
    std::size_t m_sparse_features = 0;
    std::size_t m_features = 0;
};

void normalize_centroids(std::vector<float>& centroids, std::size_t k)
{
    std::vector<double> norms(k, 0.0);
    std::size_t const features = centroids.size() / k;
    for (std::size_t f = 0; f < features; ++f) {
        for (std::size_t c = 0; c < k; ++c)
            norms[c] += static_cast<double>(centroids[f * k + c]) * centroids[f * k + c];
    }
    for (auto& norm : norms)
        norm = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
    for (std::size_t f = 0; f < features; ++f) {
        for (std::size_t c = 0; c < k; ++c)
            centroids[f * k + c] = static_cast<float>(centroids[f * k + c] * norms[c]);
    }
}

// Weighted k-means++: each next centre is drawn with probability proportional to weight times
// distance (1 - best similarity) to the centres chosen so far.
std::vector<float> seed_centroids(Problem const& problem, std::vector<std::size_t> const& fit,
                                  std::vector<float> const& weights, std::size_t k,
                                  SplitMix64& random)
{
    std::vector<float> centroids(problem.features() * k, 0.0f);
    std::vector<float> best(fit.size(), -1.0f);
    std::vector<float> single(problem.features(), 0.0f);
    std::vector<float> one_score(1);
    std::vector<float> row_centroid;

    for (std::size_t c = 0; c < k; ++c) {
        // 1. Draw the next centre.
        double total = 0;
        for (std::size_t n = 0; n < fit.size(); ++n) {
            if (!problem.is_zero(fit[n]))
                total += weights[fit[n]] * std::max(0.0f, 1.0f - best[n]);
        }
        std::size_t chosen = fit.size();
        if (total > 0) {
            double target = random.uniform() * total;
            for (std::size_t n = 0; n < fit.size(); ++n) {
                if (problem.is_zero(fit[n]))
                    continue;
                target -= weights[fit[n]] * std::max(0.0f, 1.0f - best[n]);
                chosen = n;
                if (target <= 0)
                    break;
            }
        }
        if (chosen == fit.size())
            break; // fewer distinct rows than clusters: the rest stay empty

        // 2. Store it as centroid c, and update every row's best similarity.
        row_centroid.assign(problem.features(), 0.0f);
        problem.add(fit[chosen], 1.0f, row_centroid, 1, 0);
        for (std::size_t f = 0; f < problem.features(); ++f)
            centroids[f * k + c] = row_centroid[f];
        for (std::size_t n = 0; n < fit.size(); ++n) {
            problem.score(fit[n], row_centroid, 1, one_score.data());
            best[n] = std::max(best[n], one_score[0]);
        }
    }
    return centroids;
}

struct Fit {
    std::vector<float> centroids;
    double objective = 0;
};

// Lloyd iterations on the fitting rows; returns the centroids and the objective.
Fit lloyd(Problem const& problem, std::vector<std::size_t> const& fit,
          std::vector<float> const& weights, std::size_t k, std::vector<float> centroids,
          int max_iterations, std::function<bool()> const& should_continue, bool& cancelled)
{
    std::vector<std::uint32_t> assignment(fit.size(), UINT32_MAX);
    std::vector<float> similarity(fit.size(), 0.0f);
    std::vector<float> scores(k);
    double objective = 0;

    for (int iteration = 0; iteration < max_iterations; ++iteration) {
        if (should_continue && !should_continue()) {
            cancelled = true;
            return {};
        }

        // 1. Assign each row to its most similar centroid.
        std::size_t changed = 0;
        objective = 0;
        for (std::size_t n = 0; n < fit.size(); ++n) {
            problem.score(fit[n], centroids, k, scores.data());
            auto const best = static_cast<std::uint32_t>(
                std::max_element(scores.begin(), scores.end()) - scores.begin());
            changed += best != assignment[n];
            assignment[n] = best;
            similarity[n] = scores[best];
            objective += weights[fit[n]] * scores[best];
        }
        // Converged: no row moved, or (in a large set) fewer than one in 500.
        if (changed == 0 || (iteration > 0 && changed * 500 < fit.size()))
            break;

        // 2. Move each centroid to the normalised weighted mean of its rows.
        std::vector<std::size_t> members(k, 0);
        std::fill(centroids.begin(), centroids.end(), 0.0f);
        for (std::size_t n = 0; n < fit.size(); ++n) {
            problem.add(fit[n], weights[fit[n]], centroids, k, assignment[n]);
            ++members[assignment[n]];
        }

        // 3. An empty cluster restarts at the row that fits its own cluster worst.
        for (std::size_t c = 0; c < k; ++c) {
            if (members[c] > 0)
                continue;
            std::size_t worst = fit.size();
            for (std::size_t n = 0; n < fit.size(); ++n) {
                if (!problem.is_zero(fit[n]) && members[assignment[n]] > 1
                    && (worst == fit.size() || similarity[n] < similarity[worst]))
                    worst = n;
            }
            if (worst == fit.size())
                continue;
            --members[assignment[worst]];
            assignment[worst] = static_cast<std::uint32_t>(c);
            similarity[worst] = 1.0f;
            ++members[c];
            problem.add(fit[worst], 1.0f, centroids, k, c);
        }
        normalize_centroids(centroids, k);
    }
    return {std::move(centroids), objective};
}

} // namespace

KMeansResult spherical_kmeans(DocumentMatrix const& matrix,
                              std::vector<std::uint32_t> const& rows,
                              std::vector<float> const& weights, KMeansOptions const& options,
                              std::function<bool()> const& should_continue)
{
    KMeansResult result;
    std::size_t const k = std::max<std::size_t>(1, std::min(options.clusters, rows.size()));
    result.clusters = k;
    if (rows.empty())
        return result;
    Problem const problem(matrix, rows);

    // 1. The rows to fit on: all of them, or an evenly spread sample of a large set.
    std::vector<std::size_t> fit;
    std::size_t const step =
        rows.size() > options.sample_limit ? (rows.size() + options.sample_limit - 1)
                                                 / options.sample_limit
                                           : 1;
    for (std::size_t n = 0; n < rows.size(); n += step)
        fit.push_back(n);

    // 2. Several seeded runs; the best objective wins.
    Fit best;
    best.objective = -std::numeric_limits<double>::infinity();
    for (int restart = 0; restart < std::max(1, options.restarts); ++restart) {
        SplitMix64 random(options.seed * 0x9E3779B97F4A7C15ULL +
                          static_cast<std::uint64_t>(restart));
        bool cancelled = false;
        Fit fitted =
            lloyd(problem, fit, weights, k, seed_centroids(problem, fit, weights, k, random),
                  options.max_iterations, should_continue, cancelled);
        if (cancelled)
            return {};
        if (fitted.objective > best.objective)
            best = std::move(fitted);
    }

    // 3. Assign every row to the fitted centroids.
    result.assignment.resize(rows.size());
    result.similarity.resize(rows.size());
    std::vector<float> scores(k);
    for (std::size_t n = 0; n < rows.size(); ++n) {
        problem.score(n, best.centroids, k, scores.data());
        auto const chosen = static_cast<std::uint32_t>(
            std::max_element(scores.begin(), scores.end()) - scores.begin());
        result.assignment[n] = chosen;
        result.similarity[n] = scores[chosen];
        result.objective += weights[n] * scores[chosen];
    }
    return result;
}

} // namespace machiba::analysis

// PPMI of opinion-level co-occurrence, then a randomised truncated SVD (see term_embedding.hpp).
#include "shared/analysis/term_embedding.hpp"

#include "shared/analysis/spherical_kmeans.hpp"

#include <algorithm>
#include <cmath>

namespace machiba::analysis {

namespace {

// A sparse row-major matrix of PPMI values.
struct SparseRows {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<std::uint32_t> start{0};
    std::vector<std::uint32_t> column;
    std::vector<float> value;
};

// out (rows x width) = A (rows x columns) * in (columns x width)
void multiply(SparseRows const& a, std::vector<double> const& in, std::size_t width,
              std::vector<double>& out)
{
    out.assign(a.rows * width, 0.0);
    for (std::size_t r = 0; r < a.rows; ++r) {
        double* target = &out[r * width];
        for (std::uint32_t e = a.start[r]; e < a.start[r + 1]; ++e) {
            double const v = a.value[e];
            double const* source = &in[a.column[e] * width];
            for (std::size_t j = 0; j < width; ++j)
                target[j] += v * source[j];
        }
    }
}

// out (columns x width) = A^T * in (rows x width)
void multiply_transposed(SparseRows const& a, std::vector<double> const& in, std::size_t width,
                         std::vector<double>& out)
{
    out.assign(a.columns * width, 0.0);
    for (std::size_t r = 0; r < a.rows; ++r) {
        double const* source = &in[r * width];
        for (std::uint32_t e = a.start[r]; e < a.start[r + 1]; ++e) {
            double const v = a.value[e];
            double* target = &out[a.column[e] * width];
            for (std::size_t j = 0; j < width; ++j)
                target[j] += v * source[j];
        }
    }
}

// Orthonormalises the columns of m (rows x width) in place, twice for numerical safety.
void orthonormalize(std::vector<double>& m, std::size_t rows, std::size_t width)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t j = 0; j < width; ++j) {
            for (std::size_t p = 0; p < j; ++p) {
                double dot = 0;
                for (std::size_t r = 0; r < rows; ++r)
                    dot += m[r * width + j] * m[r * width + p];
                for (std::size_t r = 0; r < rows; ++r)
                    m[r * width + j] -= dot * m[r * width + p];
            }
            double norm = 0;
            for (std::size_t r = 0; r < rows; ++r)
                norm += m[r * width + j] * m[r * width + j];
            norm = norm > 1e-300 ? 1.0 / std::sqrt(norm) : 0.0;
            for (std::size_t r = 0; r < rows; ++r)
                m[r * width + j] *= norm;
        }
    }
}

// Eigenvectors of a small symmetric matrix by cyclic Jacobi rotations. Returns eigenvalues
// descending; vectors (n x n) hold the matching eigenvectors as columns.
std::vector<double> symmetric_eigen(std::vector<double> a, std::size_t n,
                                    std::vector<double>& vectors)
{
    vectors.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        vectors[i * n + i] = 1.0;
    for (int sweep = 0; sweep < 60; ++sweep) {
        double off = 0;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q)
                off += a[p * n + q] * a[p * n + q];
        }
        if (off < 1e-22)
            break;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                double const apq = a[p * n + q];
                if (std::fabs(apq) < 1e-300)
                    continue;
                double const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                double const t = (theta >= 0 ? 1.0 : -1.0)
                    / (std::fabs(theta) + std::sqrt(theta * theta + 1));
                double const c = 1 / std::sqrt(t * t + 1);
                double const s = t * c;
                for (std::size_t k = 0; k < n; ++k) {
                    double const akp = a[k * n + p];
                    double const akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    double const apk = a[p * n + k];
                    double const aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    double const vkp = vectors[k * n + p];
                    double const vkq = vectors[k * n + q];
                    vectors[k * n + p] = c * vkp - s * vkq;
                    vectors[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }

    // Sort by eigenvalue, largest first.
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return a[x * n + x] > a[y * n + y]; });
    std::vector<double> values(n);
    std::vector<double> sorted(n * n);
    for (std::size_t j = 0; j < n; ++j) {
        values[j] = a[order[j] * n + order[j]];
        for (std::size_t k = 0; k < n; ++k)
            sorted[k * n + j] = vectors[k * n + order[j]];
    }
    vectors = std::move(sorted);
    return values;
}

} // namespace

TermEmbedding learn_term_embedding(std::vector<std::vector<std::uint32_t>> const& documents,
                                   std::vector<float> const& weights, std::size_t term_count,
                                   TermEmbeddingOptions const& options)
{
    TermEmbedding embedding;
    std::size_t const terms = std::min(term_count, options.max_terms);
    std::size_t const contexts = std::min(terms, options.context_terms);
    if (terms < 4 || contexts < 4)
        return embedding;

    // 1. Co-occurrence counts of term and context within one opinion, weighted.
    std::vector<float> counts(terms * contexts, 0.0f);
    for (std::size_t d = 0; d < documents.size(); ++d) {
        auto const& ids = documents[d];
        float const weight = weights[d];
        for (std::uint32_t t : ids) {
            if (t >= terms)
                continue;
            float* row = &counts[t * contexts];
            for (std::uint32_t c : ids) {
                if (c < contexts && c != t)
                    row[c] += weight;
            }
        }
    }

    // 2. Positive PMI, with context frequencies smoothed so rare contexts do not dominate.
    std::vector<double> row_total(terms, 0.0);
    std::vector<double> column_total(contexts, 0.0);
    double total = 0;
    for (std::size_t t = 0; t < terms; ++t) {
        for (std::size_t c = 0; c < contexts; ++c) {
            row_total[t] += counts[t * contexts + c];
            column_total[c] += counts[t * contexts + c];
        }
        total += row_total[t];
    }
    if (total <= 0)
        return embedding;
    double smoothed_total = 0;
    for (auto& column : column_total) {
        column = std::pow(column, options.context_smoothing);
        smoothed_total += column;
    }
    SparseRows ppmi;
    ppmi.rows = terms;
    ppmi.columns = contexts;
    for (std::size_t t = 0; t < terms; ++t) {
        for (std::size_t c = 0; c < contexts; ++c) {
            float const count = counts[t * contexts + c];
            if (count <= 0)
                continue;
            double const pmi = std::log(count * smoothed_total / (row_total[t] * column_total[c]));
            if (pmi > 0) {
                ppmi.column.push_back(static_cast<std::uint32_t>(c));
                ppmi.value.push_back(static_cast<float>(pmi));
            }
        }
        ppmi.start.push_back(static_cast<std::uint32_t>(ppmi.column.size()));
    }
    counts = {};

    // 3. Randomised range finder with one power iteration: Q spans the top of A's columns.
    std::size_t const rank = std::min(options.dimensions, contexts / 2);
    std::size_t const width = std::min(rank + 8, contexts);
    SplitMix64 random(options.seed ^ 0xE3B0C44298FC1C14ULL);
    std::vector<double> omega(contexts * width);
    for (auto& x : omega)
        x = random.uniform() * 2.0 - 1.0;
    std::vector<double> y;
    std::vector<double> z;
    multiply(ppmi, omega, width, y);
    orthonormalize(y, terms, width);
    multiply_transposed(ppmi, y, width, z);
    multiply(ppmi, z, width, y);
    orthonormalize(y, terms, width);

    // 4. B = Q^T A is small: the eigenvectors of B B^T give A's top left singular vectors.
    std::vector<double> bt; // contexts x width
    multiply_transposed(ppmi, y, width, bt);
    std::vector<double> gram(width * width, 0.0);
    for (std::size_t c = 0; c < contexts; ++c) {
        double const* row = &bt[c * width];
        for (std::size_t i = 0; i < width; ++i) {
            for (std::size_t j = 0; j < width; ++j)
                gram[i * width + j] += row[i] * row[j];
        }
    }
    std::vector<double> eigenvectors;
    std::vector<double> const eigenvalues = symmetric_eigen(gram, width, eigenvectors);

    // 5. Term vectors: Q times the eigenvectors, scaled by the square root of the singular
    //    values, then normalised.
    embedding.dimensions = rank;
    embedding.terms = terms;
    embedding.vectors.assign(terms * rank, 0.0f);
    std::vector<double> scale(rank);
    for (std::size_t j = 0; j < rank; ++j)
        scale[j] = std::pow(std::max(eigenvalues[j], 0.0), 0.25);
    for (std::size_t t = 0; t < terms; ++t) {
        double norm = 0;
        std::vector<double> row(rank, 0.0);
        for (std::size_t j = 0; j < rank; ++j) {
            double sum = 0;
            for (std::size_t i = 0; i < width; ++i)
                sum += y[t * width + i] * eigenvectors[i * width + j];
            row[j] = sum * scale[j];
            norm += row[j] * row[j];
        }
        if (norm <= 0)
            continue;
        norm = 1.0 / std::sqrt(norm);
        for (std::size_t j = 0; j < rank; ++j)
            embedding.vectors[t * rank + j] = static_cast<float>(row[j] * norm);
    }
    return embedding;
}

} // namespace machiba::analysis

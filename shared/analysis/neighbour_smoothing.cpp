// Nearest-neighbour smoothing of document vectors (see neighbour_smoothing.hpp).
#include "shared/analysis/neighbour_smoothing.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

namespace machiba::analysis {

DocumentMatrix smooth_with_neighbours(DocumentMatrix const& matrix, std::size_t neighbours,
                                      float strength)
{
    std::size_t const rows = matrix.rows();
    std::size_t const d = matrix.dense_dimensions;
    if (rows < 2 || neighbours == 0)
        return matrix;
    neighbours = std::min(neighbours, rows - 1);

    // 1. An inverted index of the sparse part, for the sparse half of every dot product.
    std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(matrix.sparse_dimensions);
    for (std::uint32_t r = 0; r < rows; ++r) {
        for (std::uint32_t e = matrix.row_start[r]; e < matrix.row_start[r + 1]; ++e)
            postings[matrix.columns[e]].push_back({r, matrix.values[e]});
    }

    DocumentMatrix smoothed;
    smoothed.sparse_dimensions = matrix.sparse_dimensions;
    smoothed.dense_dimensions = d;
    smoothed.dense.assign(rows * d, 0.0f);
    std::vector<float> similarity(rows);
    std::vector<std::uint32_t> order(rows);
    std::map<std::uint32_t, float> sparse;
    for (std::uint32_t i = 0; i < rows; ++i) {
        // 2. Similarity of row i to every row: sparse through the index, dense directly.
        std::fill(similarity.begin(), similarity.end(), 0.0f);
        for (std::uint32_t e = matrix.row_start[i]; e < matrix.row_start[i + 1]; ++e) {
            for (auto const& [other, value] : postings[matrix.columns[e]])
                similarity[other] += matrix.values[e] * value;
        }
        float const* own = &matrix.dense[i * d];
        for (std::uint32_t k = 0; k < rows; ++k) {
            float const* other = &matrix.dense[k * d];
            float dot = 0;
            for (std::size_t j = 0; j < d; ++j)
                dot += own[j] * other[j];
            similarity[k] += dot;
        }
        similarity[i] = -2.0f;

        // 3. The nearest rows, deterministic on ties.
        for (std::uint32_t k = 0; k < rows; ++k)
            order[k] = k;
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(neighbours),
                          order.end(), [&](std::uint32_t a, std::uint32_t b) {
                              return similarity[a] != similarity[b] ? similarity[a] > similarity[b]
                                                                    : a < b;
                          });
        double total = 0;
        for (std::size_t n = 0; n < neighbours; ++n)
            total += std::max(0.0f, similarity[order[n]]);

        // 4. The row plus the weighted mean of its neighbours, normalised.
        sparse.clear();
        float* dense = &smoothed.dense[i * d];
        for (std::uint32_t e = matrix.row_start[i]; e < matrix.row_start[i + 1]; ++e)
            sparse[matrix.columns[e]] += matrix.values[e];
        for (std::size_t j = 0; j < d; ++j)
            dense[j] = own[j];
        for (std::size_t n = 0; n < neighbours && total > 0; ++n) {
            std::uint32_t const k = order[n];
            float const weight =
                static_cast<float>(std::max(0.0f, similarity[k]) / total) * strength;
            if (weight <= 0)
                continue;
            for (std::uint32_t e = matrix.row_start[k]; e < matrix.row_start[k + 1]; ++e)
                sparse[matrix.columns[e]] += weight * matrix.values[e];
            for (std::size_t j = 0; j < d; ++j)
                dense[j] += weight * matrix.dense[k * d + j];
        }
        double norm = 0;
        for (auto const& [column, value] : sparse)
            norm += static_cast<double>(value) * value;
        for (std::size_t j = 0; j < d; ++j)
            norm += static_cast<double>(dense[j]) * dense[j];
        float const scale = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
        for (auto const& [column, value] : sparse) {
            smoothed.columns.push_back(column);
            smoothed.values.push_back(value * scale);
        }
        smoothed.row_start.push_back(static_cast<std::uint32_t>(smoothed.columns.size()));
        for (std::size_t j = 0; j < d; ++j)
            dense[j] *= scale;
    }
    return smoothed;
}

} // namespace machiba::analysis

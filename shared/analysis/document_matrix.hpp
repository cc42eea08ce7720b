// Opinions as unit vectors for clustering: a sparse part (weighted phrases) and a dense part
// (phrase vectors learnt from the corpus), stored together so one dot product sees both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace machiba::analysis {

struct DocumentMatrix {
    std::size_t sparse_dimensions = 0;
    std::size_t dense_dimensions = 0;
    std::vector<std::uint32_t> row_start{0}; // rows + 1 offsets into columns and values
    std::vector<std::uint32_t> columns;
    std::vector<float> values;
    std::vector<float> dense; // rows x dense_dimensions

    std::size_t rows() const { return row_start.size() - 1; }
};

} // namespace machiba::analysis

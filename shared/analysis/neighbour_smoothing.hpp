// Smoothing short opinions with their nearest neighbours: each vector moves towards the mean of
// the few opinions most similar to it, which fills in the words a one-line opinion leaves out
// (ドッグラン and リード in one, 犬 and フン in the next). Quadratic in the number of rows, so
// the analysis uses it only for small sets, where it matters most.
#pragma once

#include "shared/analysis/document_matrix.hpp"

#include <cstddef>

namespace machiba::analysis {

// Each row i becomes normalise(x_i + strength * sum_k s_ik x_k / sum_k s_ik) over its
// `neighbours` most similar rows k (ties to the lower index), similarities s_ik > 0.
DocumentMatrix smooth_with_neighbours(DocumentMatrix const& matrix, std::size_t neighbours,
                                      float strength);

} // namespace machiba::analysis

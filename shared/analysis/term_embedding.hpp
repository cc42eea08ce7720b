// Vectors for phrases learnt from the opinions themselves: phrases that occur with the same
// other phrases (ペット and ケージ, 犬 and 同行避難) get similar vectors, even when no single
// opinion uses both. Positive pointwise mutual information of co-occurrence in an opinion,
// reduced by a randomised truncated SVD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace machiba::analysis {

struct TermEmbeddingOptions {
    std::size_t dimensions = 48;
    std::size_t max_terms = 12000;   // the most frequent terms get vectors
    std::size_t context_terms = 1500; // the most frequent terms serve as contexts
    double context_smoothing = 0.75;  // context frequencies raised to this power
    std::uint64_t seed = 1;
};

struct TermEmbedding {
    std::size_t dimensions = 0;
    std::size_t terms = 0;      // terms with a vector: ids below this
    std::vector<float> vectors; // terms x dimensions; unit rows, or zero rows
};

// documents: for each distinct opinion, its distinct term ids, where ids are ranked by
// document frequency (0 = most frequent). weights: how many opinions each one stands for.
TermEmbedding learn_term_embedding(std::vector<std::vector<std::uint32_t>> const& documents,
                                   std::vector<float> const& weights, std::size_t term_count,
                                   TermEmbeddingOptions const& options);

} // namespace machiba::analysis

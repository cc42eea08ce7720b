// Spherical k-means (cosine similarity, unit centroids) with weighted k-means++ seeding and a
// fixed seed, so the same rows and seed always give the same clusters.
#pragma once

#include "shared/analysis/document_matrix.hpp"
#include "shared/random/split_mix64.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace machiba::analysis {

struct KMeansOptions {
    std::size_t clusters = 2;
    std::uint64_t seed = 1;
    int max_iterations = 20;
    int restarts = 1;                 // the run with the best objective wins
    std::size_t sample_limit = 20000; // fit on at most this many rows, then assign all
};

struct KMeansResult {
    std::vector<std::uint32_t> assignment; // per row of the subset, a cluster in [0, clusters)
    std::vector<float> similarity;         // per row, cosine similarity to its cluster centre
    std::size_t clusters = 0;
    double objective = 0; // weighted sum of similarities
};

// Clusters the given rows of the matrix (weights: one per given row). should_continue is
// called between iterations; when it returns false the result is empty.
KMeansResult spherical_kmeans(DocumentMatrix const& matrix,
                              std::vector<std::uint32_t> const& rows,
                              std::vector<float> const& weights, KMeansOptions const& options,
                              std::function<bool()> const& should_continue = {});

using random::SplitMix64;

} // namespace machiba::analysis

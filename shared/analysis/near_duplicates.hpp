// Groups opinions that are the same text, or nearly so (a copy-paste campaign, a double
// submission with a word changed), so that clustering counts them once and staff see them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace machiba::analysis {

struct DuplicateGroup {
    std::vector<std::size_t> members; // indices into the input, ascending; the first is kept
    bool exact = false;               // every member is the same after normalisation
};

struct NearDuplicateOptions {
    // Jaccard similarity of character 3-shingles at or above which two texts are near
    // duplicates. Texts shorter than min_length code points are only matched exactly.
    double threshold = 0.6;
    std::size_t min_length = 8;
};

// texts: normalised opinions without spaces or punctuation (see Segmenter::normalize). Exact
// matches by hashing; near matches by one-permutation MinHash over 3-shingles with banded
// locality-sensitive hashing, each candidate pair checked by its exact Jaccard similarity.
std::vector<DuplicateGroup> find_duplicates(std::vector<std::u32string> const& texts,
                                            NearDuplicateOptions const& options = {});

} // namespace machiba::analysis

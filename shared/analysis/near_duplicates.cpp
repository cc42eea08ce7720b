// Exact and near-duplicate grouping (see near_duplicates.hpp).
#include "shared/analysis/near_duplicates.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace machiba::analysis {

namespace {

constexpr std::size_t bins = 32;      // MinHash values per text
constexpr std::size_t rows = 4;       // values per band
constexpr std::size_t bands = bins / rows;

std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ULL;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dULL;
    x ^= x >> 33;
    return x;
}

class DisjointSets {
public:
    explicit DisjointSets(std::size_t size)
        : m_parent(size)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
    }

    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }

    // The smaller index becomes the root, so a group's root is its first member.
    void join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> m_parent;
};

std::vector<std::uint32_t> shingles(std::u32string const& text)
{
    std::vector<std::uint32_t> out;
    if (text.size() < 3)
        return out;
    out.reserve(text.size() - 2);
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        std::uint64_t const key = (static_cast<std::uint64_t>(text[i]) << 42)
            ^ (static_cast<std::uint64_t>(text[i + 1]) << 21) ^ text[i + 2];
        out.push_back(static_cast<std::uint32_t>(mix(key)));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Whether the Jaccard similarity of two sorted sets reaches the threshold. |A n B| >= t |A u B|
// means |A n B| >= t (|A| + |B|) / (1 + t); the merge stops as soon as what is left of the
// shorter side cannot make up the difference.
bool similar(std::vector<std::uint32_t> const& a, std::vector<std::uint32_t> const& b,
             double threshold)
{
    double const needed_exact =
        threshold * static_cast<double>(a.size() + b.size()) / (1.0 + threshold);
    auto const needed = static_cast<std::size_t>(std::ceil(needed_exact - 1e-9));
    std::size_t common = 0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (common + std::min(a.size() - i, b.size() - j) < needed)
            return false;
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return common >= needed && common > 0;
}

} // namespace

std::vector<DuplicateGroup> find_duplicates(std::vector<std::u32string> const& texts,
                                            NearDuplicateOptions const& options)
{
    std::size_t const count = texts.size();
    DisjointSets sets(count);

    // 1. Exact duplicates: the same normalised text.
    std::unordered_map<std::u32string_view, std::size_t> first_seen;
    first_seen.reserve(count);
    std::vector<std::size_t> unique;
    for (std::size_t i = 0; i < count; ++i) {
        if (texts[i].empty())
            continue;
        auto const [found, inserted] = first_seen.emplace(texts[i], i);
        if (inserted)
            unique.push_back(i);
        else
            sets.join(found->second, i);
    }

    // 2. One-permutation MinHash: each shingle falls in one of 32 bins by its top bits and
    //    keeps the bin's minimum; empty bins borrow from the next full one (densification).
    std::vector<std::vector<std::uint32_t>> shingle_sets(count);
    std::vector<std::uint32_t> signatures(count * bins, 0);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> band_keys;
    band_keys.reserve(unique.size() * bands);
    for (std::size_t i : unique) {
        if (texts[i].size() < options.min_length)
            continue;
        shingle_sets[i] = shingles(texts[i]);
        std::uint32_t signature[bins];
        std::fill(std::begin(signature), std::end(signature), UINT32_MAX);
        bool filled[bins] = {};
        for (std::uint32_t h : shingle_sets[i]) {
            std::size_t const bin = h >> 27;
            signature[bin] = std::min(signature[bin], h & 0x07FFFFFFu);
            filled[bin] = true;
        }
        for (std::size_t b = 0; b < bins; ++b) {
            for (std::size_t step = 1; !filled[b] && step < bins; ++step) {
                std::size_t const from = (b + step) % bins;
                if (filled[from]) {
                    signature[b] = signature[from] + static_cast<std::uint32_t>(step) * 0x9E37u;
                    break;
                }
            }
        }
        std::copy(std::begin(signature), std::end(signature), signatures.begin() + i * bins);
        for (std::size_t band = 0; band < bands; ++band) {
            std::uint64_t key = mix(band + 1);
            for (std::size_t r = 0; r < rows; ++r)
                key = mix(key ^ signature[band * rows + r]);
            band_keys.push_back({key, static_cast<std::uint32_t>(i)});
        }
    }

    // 3. Texts that share a band are candidates; the exact Jaccard decides. Each text is
    //    compared with the first member of its group, never with whichever member it happened
    //    to meet, so that a chain of small edits cannot join two texts that differ a lot. In a
    //    bucket, each member meets the bucket's first text and the one just before it. The
    //    share of equal MinHash values estimates the Jaccard similarity (within about 0.09 for
    //    32 values); pairs estimated far below the threshold skip the exact count.
    std::sort(band_keys.begin(), band_keys.end());
    auto const minimum_equal = static_cast<int>(
        std::max(0.0, (options.threshold - 0.3) * static_cast<double>(bins)));
    auto may_be_similar = [&](std::size_t a, std::size_t b) {
        std::uint32_t const* x = &signatures[a * bins];
        std::uint32_t const* y = &signatures[b * bins];
        int equal = 0;
        for (std::size_t k = 0; k < bins; ++k)
            equal += x[k] == y[k];
        return equal >= minimum_equal;
    };
    std::vector<std::size_t> tried(count, SIZE_MAX); // per root: the root it last failed to meet
    auto similar_groups = [&](std::size_t x, std::size_t y) {
        std::size_t const a = sets.find(x);
        std::size_t const b = sets.find(y);
        if (a == b || shingle_sets[a].empty() || shingle_sets[b].empty())
            return;
        // The same two groups often meet again in another band: skip the pair last found apart.
        if (tried[a] == b || tried[b] == a)
            return;
        tried[a] = b;
        tried[b] = a;
        if (may_be_similar(a, b) && similar(shingle_sets[a], shingle_sets[b], options.threshold))
            sets.join(a, b);
    };
    for (std::size_t start = 0; start < band_keys.size();) {
        std::size_t end = start + 1;
        while (end < band_keys.size() && band_keys[end].first == band_keys[start].first)
            ++end;
        for (std::size_t member = start + 1; member < end; ++member) {
            similar_groups(band_keys[start].second, band_keys[member].second);
            if (member > start + 1)
                similar_groups(band_keys[member - 1].second, band_keys[member].second);
        }
        start = end;
    }

    // 4. Collect groups of two or more, in the order of their first member.
    std::unordered_map<std::size_t, std::size_t> group_of_root;
    std::vector<DuplicateGroup> groups;
    for (std::size_t i = 0; i < count; ++i) {
        if (texts[i].empty())
            continue;
        std::size_t const root = sets.find(i);
        if (root == i)
            continue;
        auto [found, inserted] = group_of_root.emplace(root, groups.size());
        if (inserted)
            groups.push_back({{root}, true});
        auto& group = groups[found->second];
        group.members.push_back(i);
        group.exact = group.exact && texts[i] == texts[root];
    }
    std::sort(groups.begin(), groups.end(),
              [](auto const& a, auto const& b) { return a.members.front() < b.members.front(); });
    return groups;
}

} // namespace machiba::analysis

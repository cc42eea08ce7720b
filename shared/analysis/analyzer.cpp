// The analysis pipeline (see analyzer.hpp). Sections:
//   1. phrase extraction: lexicon matches, then character-type segments, kanji split by
//      recurrence, bigrams of long compounds as weak features
//   2. the run: personal information, duplicates, vocabulary, vectors, clusters, summaries
#include "shared/analysis/analyzer.hpp"

#include "shared/analysis/neighbour_smoothing.hpp"
#include "shared/analysis/spherical_kmeans.hpp"
#include "shared/analysis/term_embedding.hpp"
#include "shared/text/segment.hpp"
#include "shared/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

namespace machiba::analysis {

namespace {

using text::Segmenter;
using text::SegmentKind;

// --- 1. Phrase extraction ---------------------------------------------------------------------

// Weight of a feature that is only part of a phrase (a kanji pair inside a longer compound, a
// verb stem) against a phrase a person would say.
constexpr float weak_weight = 0.5f;

struct Emitted {
    std::u32string_view text;
    float weight;
    bool phrase;
    bool long_vowel; // a katakana word whose final ー was dropped
};

bool is_particle(char32_t c)
{
    return std::u32string_view(U"のがはをにともでやへ").find(c) != std::u32string_view::npos;
}

// English plurals to the singular, so parks and park meet.
std::u32string_view singular(std::u32string_view word)
{
    if (word.size() > 3 && word.back() == U's' && word[word.size() - 2] != U's'
        && word[word.size() - 2] != U'u' && word[word.size() - 2] != U'i')
        return word.substr(0, word.size() - 1);
    return word;
}

class PhraseExtractor {
public:
    PhraseExtractor(Segmenter const& segmenter, Lexicon const* lexicon)
        : m_segmenter(segmenter)
        , m_lexicon(lexicon)
    {
    }

    // Calls emit(Emitted) for every feature of one normalised opinion.
    template <typename Emit>
    void extract(std::u32string_view normalized, Emit emit)
    {
        // 1. Lexicon words first, longest match, never cutting a katakana or Latin word.
        m_work.assign(normalized.begin(), normalized.end());
        if (m_lexicon) {
            std::size_t i = 0;
            while (i < normalized.size()) {
                auto const match = m_lexicon->longest_match(normalized, i);
                std::size_t const end = i + match.length;
                bool const clean = match.length > 0
                    && (i == 0 || !Segmenter::joins(normalized[i - 1], normalized[i]))
                    && (end == normalized.size()
                        || !Segmenter::joins(normalized[end - 1], normalized[end]));
                if (!clean) {
                    ++i;
                    continue;
                }
                if (!m_lexicon->is_stop_word(match.canonical))
                    emit(Emitted{match.canonical, 1.0f, true, false});
                std::fill(m_work.begin() + static_cast<std::ptrdiff_t>(i),
                          m_work.begin() + static_cast<std::ptrdiff_t>(end), U' ');
                i = end;
            }
        }

        // 2. The rest by character type.
        std::u32string_view const work(m_work);
        for (auto const& segment : Segmenter::split_by_character_type(work)) {
            std::u32string_view run = work.substr(segment.begin, segment.length);
            std::size_t const after = segment.begin + segment.length;
            char32_t const next = after < work.size() ? work[after] : U' ';
            switch (segment.kind) {
            case SegmentKind::latin:
                if (run.size() >= 2)
                    word(singular(run), 1.0f, true, false, emit);
                break;
            case SegmentKind::katakana: {
                bool long_vowel = false;
                if (run.size() >= 4 && run.back() == U'ー') {
                    run.remove_suffix(1);
                    long_vowel = true;
                }
                if (run.size() >= 2)
                    word(run, 1.0f, true, long_vowel, emit);
                break;
            }
            case SegmentKind::kanji:
                kanji(run, next, emit);
                break;
            case SegmentKind::hiragana:
                break;
            }
        }
    }

private:
    template <typename Emit>
    void word(std::u32string_view run, float weight, bool phrase, bool long_vowel, Emit& emit)
    {
        std::u32string_view const canonical = m_lexicon ? m_lexicon->canonical(run) : run;
        if (m_lexicon && m_lexicon->is_stop_word(canonical))
            return;
        emit(Emitted{canonical, weight, phrase, long_vowel});
    }

    template <typename Emit>
    void kanji(std::u32string_view run, char32_t next, Emit& emit)
    {
        auto const pieces = m_segmenter.split_kanji(run);
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            auto const piece = pieces[p];
            if (piece.size() == 1) {
                // A lone kanji before a particle or a boundary is a noun (犬と); before other
                // kana it is mostly the stem of a verb or adjective (遊びたい), a weak feature.
                bool const last = p + 1 == pieces.size();
                bool const noun =
                    last && (is_particle(next) || !Segmenter::is_word_character(next));
                word(piece, noun ? 1.0f : weak_weight, noun, false, emit);
                continue;
            }
            word(piece, 1.0f, true, false, emit);
            if (piece.size() >= 3) {
                for (std::size_t i = 0; i + 2 <= piece.size(); ++i)
                    word(piece.substr(i, 2), weak_weight, false, false, emit);
            }
        }
    }

    Segmenter const& m_segmenter;
    Lexicon const* m_lexicon;
    std::u32string m_work;
};

// --- 2. The run -------------------------------------------------------------------------------

// The fewest opinions per coarse cluster in a small set, and the most clusters it gets that way.
constexpr long opinions_per_cluster = 20;
constexpr long small_set_clusters = 16;

struct Term {
    std::u32string text;
    std::size_t documents = 0;     // distinct opinions that contain it
    double weighted_documents = 0; // the same, counting duplicates
    std::size_t as_phrase = 0;     // times it stood as a phrase, not as part of one
    std::size_t long_vowel = 0;    // times written with a final ー that was dropped
};

struct DocumentTerms {
    std::vector<std::uint32_t> ids;
    std::vector<float> counts;
};

class Progress {
public:
    explicit Progress(AnalysisProgress const& callback)
        : m_callback(callback)
    {
    }

    // Reports stage progress mapped into the whole run; false means cancel.
    bool operator()(AnalysisStage stage, double within)
    {
        static constexpr double starts[] = {0.0, 0.15, 0.25, 0.45, 0.55, 0.75, 0.9, 1.0};
        auto const index = static_cast<std::size_t>(stage);
        double const fraction = starts[index] + (starts[index + 1] - starts[index]) * within;
        m_cancelled = m_cancelled || (m_callback && !m_callback(stage, fraction));
        return !m_cancelled;
    }

    bool cancelled() const { return m_cancelled; }

private:
    AnalysisProgress const& m_callback;
    bool m_cancelled = false;
};

AnalysisError cancelled_error()
{
    return {"analysis.cancelled", "the analysis was cancelled before it finished"};
}

std::string display_phrase(Term const& term)
{
    std::u32string text = term.text;
    bool const latin = std::all_of(text.begin(), text.end(), [](char32_t c) {
        return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
    });
    if (latin && text.size() <= 3) {
        for (auto& c : text) {
            if (c >= U'a' && c <= U'z')
                c -= U'a' - U'A';
        }
    }
    if (term.long_vowel * 2 > term.as_phrase)
        text.push_back(U'ー');
    return text::from_code_points(text);
}

class Run {
public:
    Run(AnalysisOptions const& options, Lexicon const* lexicon,
        std::vector<Opinion> const& opinions, AnalysisProgress const& callback)
        : m_options(options)
        , m_lexicon(lexicon)
        , m_opinions(opinions)
        , m_progress(callback)
    {
    }

    AnalysisResult run()
    {
        m_report.seed = m_options.seed;
        std::size_t const count = m_opinions.size();
        m_report.masked_texts.resize(count);
        m_report.map.resize(count);
        m_report.coarse.assign(count, 0);
        m_report.fine.assign(count, 0);
        if (count == 0)
            return std::move(m_report);

        if (!find_personal_info() || !find_duplicates() || !extract_phrases() || !build_vectors()
            || !cluster_coarse() || !cluster_fine() || !summarize())
            return cancelled_error();
        return std::move(m_report);
    }

private:
    // 1. Personal information: masked for display, blanked out of the features.
    bool find_personal_info()
    {
        m_normalized.resize(m_opinions.size());
        for (std::size_t i = 0; i < m_opinions.size(); ++i) {
            if (i % 2048 == 0
                && !m_progress(AnalysisStage::personal_info,
                               static_cast<double>(i) / m_opinions.size()))
                return false;
            std::string const& text = m_opinions[i].text;
            auto matches = text::find_personal_info(text);
            if (matches.empty()) {
                m_report.masked_texts[i] = text;
                m_normalized[i] = Segmenter::normalize(text);
                continue;
            }
            std::string blanked = text;
            for (auto const& match : matches)
                std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(match.begin),
                          blanked.begin() + static_cast<std::ptrdiff_t>(match.end), ' ');
            m_report.masked_texts[i] = text::mask_personal_info(text, matches);
            m_normalized[i] = Segmenter::normalize(blanked);
            for (auto& match : matches)
                m_report.personal_info.push_back({i, std::move(match)});
        }
        return true;
    }

    // 2. Duplicates: each group is clustered once, through its first member, with its size as
    //    weight.
    bool find_duplicates()
    {
        if (!m_progress(AnalysisStage::duplicates, 0))
            return false;
        std::vector<std::u32string> compact(m_opinions.size());
        for (std::size_t i = 0; i < m_opinions.size(); ++i) {
            for (char32_t c : m_normalized[i]) {
                if (Segmenter::is_word_character(c))
                    compact[i].push_back(c);
            }
        }
        m_report.duplicates = analysis::find_duplicates(compact, m_options.duplicates);

        m_representative.resize(m_opinions.size());
        std::iota(m_representative.begin(), m_representative.end(), std::size_t{0});
        for (auto const& group : m_report.duplicates) {
            for (std::size_t member : group.members)
                m_representative[member] = group.members.front();
        }
        m_weight_of.assign(m_opinions.size(), 0.0f);
        for (std::size_t i = 0; i < m_opinions.size(); ++i)
            m_weight_of[m_representative[i]] += 1.0f;
        for (std::size_t i = 0; i < m_opinions.size(); ++i) {
            if (m_representative[i] == i) {
                m_unique.push_back(i);
                m_weights.push_back(m_weight_of[i]);
            }
        }
        return m_progress(AnalysisStage::duplicates, 1);
    }

    // 3. Phrases: learn which kanji compounds recur, then extract every opinion's features.
    bool extract_phrases()
    {
        for (std::size_t i : m_unique) {
            std::u32string_view const text(m_normalized[i]);
            for (auto const& segment : Segmenter::split_by_character_type(text)) {
                if (segment.kind == SegmentKind::kanji)
                    m_segmenter.observe_kanji_run(text.substr(segment.begin, segment.length));
            }
        }

        PhraseExtractor extractor(m_segmenter, m_lexicon);
        std::unordered_map<std::u32string, std::uint32_t> ids;
        std::unordered_map<std::uint32_t, float> counts;
        m_documents.resize(m_unique.size());
        for (std::size_t u = 0; u < m_unique.size(); ++u) {
            if (u % 2048 == 0
                && !m_progress(AnalysisStage::phrases, static_cast<double>(u) / m_unique.size()))
                return false;
            counts.clear();
            extractor.extract(m_normalized[m_unique[u]], [&](Emitted const& emitted) {
                auto [found, inserted] = ids.try_emplace(
                    std::u32string(emitted.text), static_cast<std::uint32_t>(m_terms.size()));
                if (inserted)
                    m_terms.push_back({std::u32string(emitted.text)});
                Term& term = m_terms[found->second];
                term.as_phrase += emitted.phrase;
                term.long_vowel += emitted.long_vowel;
                counts[found->second] += emitted.weight;
            });
            auto& document = m_documents[u];
            for (auto const& [id, value] : counts) {
                document.ids.push_back(id);
                document.counts.push_back(value);
                m_terms[id].documents += 1;
                m_terms[id].weighted_documents += m_weights[u];
            }
        }
        m_normalized = {};

        // Rank terms by how many opinions use them; a term in one opinion only says nothing
        // about how opinions relate, except in a very small set.
        std::size_t const min_documents = m_unique.size() >= 20 ? 2 : 1;
        std::vector<std::uint32_t> order;
        for (std::uint32_t id = 0; id < m_terms.size(); ++id) {
            if (m_terms[id].documents >= min_documents)
                order.push_back(id);
        }
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_terms[a].documents > m_terms[b].documents;
        });
        std::vector<std::uint32_t> rank(m_terms.size(), UINT32_MAX);
        std::vector<Term> ranked;
        ranked.reserve(order.size());
        for (std::uint32_t id : order) {
            rank[id] = static_cast<std::uint32_t>(ranked.size());
            ranked.push_back(std::move(m_terms[id]));
        }
        m_terms = std::move(ranked);

        // Each opinion's terms in rank order, unknown ones dropped.
        for (auto& document : m_documents) {
            std::vector<std::pair<std::uint32_t, float>> kept;
            for (std::size_t k = 0; k < document.ids.size(); ++k) {
                if (rank[document.ids[k]] != UINT32_MAX)
                    kept.push_back({rank[document.ids[k]], document.counts[k]});
            }
            std::sort(kept.begin(), kept.end());
            document.ids.clear();
            document.counts.clear();
            for (auto const& [id, value] : kept) {
                document.ids.push_back(id);
                document.counts.push_back(value);
            }
        }
        return m_progress(AnalysisStage::phrases, 1);
    }

    // 4. Vectors: TF-IDF over phrases (exact wording) next to phrase vectors learnt from
    //    co-occurrence (similar meaning), both normalised, mixed by sparse_share.
    bool build_vectors()
    {
        if (!m_progress(AnalysisStage::vectors, 0))
            return false;
        double total = 0;
        for (float w : m_weights)
            total += w;
        std::vector<float> idf(m_terms.size());
        for (std::size_t t = 0; t < m_terms.size(); ++t)
            idf[t] =
                static_cast<float>(std::log((total + 1.0) / (m_terms[t].weighted_documents + 0.5)));

        std::vector<std::vector<std::uint32_t>> term_sets(m_documents.size());
        for (std::size_t u = 0; u < m_documents.size(); ++u)
            term_sets[u] = m_documents[u].ids;
        TermEmbeddingOptions embedding_options;
        embedding_options.seed = m_options.seed;
        embedding_options.dimensions = m_options.dimensions;
        TermEmbedding const embedding =
            learn_term_embedding(term_sets, m_weights, m_terms.size(), embedding_options);
        term_sets = {};
        if (!m_progress(AnalysisStage::vectors, 0.5))
            return false;

        float const sparse_scale = static_cast<float>(std::sqrt(m_options.sparse_share));
        float const dense_scale = static_cast<float>(std::sqrt(1.0 - m_options.sparse_share));
        std::size_t const dimensions = embedding.dimensions;
        m_matrix.sparse_dimensions = m_terms.size();
        m_matrix.dense_dimensions = dimensions;
        m_matrix.dense.assign(m_documents.size() * dimensions, 0.0f);
        std::vector<float> values;
        for (std::size_t u = 0; u < m_documents.size(); ++u) {
            auto const& document = m_documents[u];
            values.resize(document.ids.size());
            double norm = 0;
            for (std::size_t k = 0; k < document.ids.size(); ++k) {
                float const count = document.counts[k];
                float const tf = count <= 1.0f ? count : 1.0f + std::log(count);
                values[k] = tf * idf[document.ids[k]];
                norm += static_cast<double>(values[k]) * values[k];
            }
            float* dense = &m_matrix.dense[u * dimensions];
            bool const has_dense = dimensions > 0;
            float const scale = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
            for (std::size_t k = 0; k < document.ids.size(); ++k) {
                m_matrix.columns.push_back(document.ids[k]);
                m_matrix.values.push_back(values[k] * scale * (has_dense ? sparse_scale : 1.0f));
                std::uint32_t const id = document.ids[k];
                if (id < embedding.terms) {
                    float const* vector = &embedding.vectors[id * dimensions];
                    for (std::size_t j = 0; j < dimensions; ++j)
                        dense[j] += values[k] * vector[j];
                }
            }
            m_matrix.row_start.push_back(static_cast<std::uint32_t>(m_matrix.columns.size()));
            double dense_norm = 0;
            for (std::size_t j = 0; j < dimensions; ++j)
                dense_norm += static_cast<double>(dense[j]) * dense[j];
            float const dense_factor =
                dense_norm > 0 ? static_cast<float>(dense_scale / std::sqrt(dense_norm)) : 0.0f;
            for (std::size_t j = 0; j < dimensions; ++j)
                dense[j] *= dense_factor;
        }

        // Small sets: short opinions borrow from their nearest neighbours.
        if (m_documents.size() <= m_options.smoothing_limit && m_options.neighbours > 0)
            m_matrix = smooth_with_neighbours(m_matrix, m_options.neighbours, 1.0f);
        return m_progress(AnalysisStage::vectors, 1);
    }

    // rows: how many rows this clustering sees; the whole set's size decides the effort, so
    // that the fine clusters of a large set (many small clusterings) stay cheap.
    KMeansOptions kmeans_options(std::size_t clusters, std::size_t rows, std::uint64_t salt) const
    {
        KMeansOptions options;
        options.clusters = clusters;
        options.seed = m_options.seed * 1000003ULL + salt;
        // Small sets are cheap and sensitive to seeding: try several starts.
        std::size_t const size = std::max(rows, m_unique.size());
        options.restarts = size <= 2000 ? 8 : (size <= 20000 ? 2 : 1);
        options.max_iterations = size <= 20000 ? 30 : 15;
        options.sample_limit = 20000;
        return options;
    }

    // 5. Coarse clusters: about the cube root of the number of opinions, but one per 20
    //    opinions up to 16 in a small set.
    bool cluster_coarse()
    {
        if (!m_progress(AnalysisStage::coarse_clusters, 0))
            return false;
        std::size_t const count = m_opinions.size();
        std::size_t clusters = m_options.coarse_clusters;
        if (clusters == 0) {
            // The cube root gives 7 for 350 opinions, too few to keep a dozen or more topics
            // apart: a topic then shares a cluster with one or two others, and nothing tells
            // staff which. Up to 4,096 opinions (where the cube root reaches 16), take one
            // cluster per 20 opinions, at most 16; splitting a topic in two costs the report
            // less than merging two topics.
            auto const cube_root = std::lround(std::cbrt(static_cast<double>(count)));
            auto const small_set = std::min<long>(small_set_clusters,
                                                  static_cast<long>(count / opinions_per_cluster));
            clusters = static_cast<std::size_t>(std::max(cube_root, small_set));
        }
        clusters = std::clamp<std::size_t>(clusters, 1, m_unique.size());
        m_coarse_clusters = clusters;

        std::vector<std::uint32_t> rows(m_unique.size());
        std::iota(rows.begin(), rows.end(), 0u);
        auto result =
            spherical_kmeans(m_matrix, rows, m_weights, kmeans_options(clusters, rows.size(), 1),
                             [this] { return m_progress(AnalysisStage::coarse_clusters, 0.5); });
        if (m_progress.cancelled() || result.assignment.size() != rows.size())
            return false;
        m_coarse = std::move(result.assignment);
        m_coarse_similarity = std::move(result.similarity);
        return m_progress(AnalysisStage::coarse_clusters, 1);
    }

    // 6. Fine clusters inside each coarse one: about the coarse count again, scaled by size.
    bool cluster_fine()
    {
        m_fine.assign(m_unique.size(), 0);
        m_fine_similarity.assign(m_unique.size(), 0.0f);
        m_fine_clusters.assign(m_coarse_clusters, 1);
        double total = std::accumulate(m_weights.begin(), m_weights.end(), 0.0);
        for (std::size_t c = 0; c < m_coarse_clusters; ++c) {
            if (!m_progress(AnalysisStage::fine_clusters,
                            static_cast<double>(c) / m_coarse_clusters))
                return false;
            std::vector<std::uint32_t> rows;
            std::vector<float> weights;
            double weight = 0;
            for (std::uint32_t u = 0; u < m_unique.size(); ++u) {
                if (m_coarse[u] == c) {
                    rows.push_back(u);
                    weights.push_back(m_weights[u]);
                    weight += m_weights[u];
                }
            }
            std::size_t clusters = m_options.fine_clusters;
            if (clusters == 0) {
                double const share = weight / total;
                clusters = static_cast<std::size_t>(std::lround(
                    static_cast<double>(m_coarse_clusters * m_coarse_clusters) * share));
            }
            clusters = std::min(clusters, rows.size() / 3);
            if (clusters <= 1) {
                for (std::size_t n = 0; n < rows.size(); ++n)
                    m_fine_similarity[rows[n]] = m_coarse_similarity[rows[n]];
                continue;
            }
            auto result = spherical_kmeans(m_matrix, rows, weights,
                                           kmeans_options(clusters, rows.size(), 2 + c),
                                           [this] { return !m_progress.cancelled(); });
            if (m_progress.cancelled() || result.assignment.size() != rows.size())
                return false;
            m_fine_clusters[c] = result.clusters;
            for (std::size_t n = 0; n < rows.size(); ++n) {
                m_fine[rows[n]] = result.assignment[n];
                m_fine_similarity[rows[n]] = result.similarity[n];
            }
        }
        return m_progress(AnalysisStage::fine_clusters, 1);
    }

    // How many opinions of a group contain each term (duplicates counted), and the group's size.
    double count_terms(std::vector<std::uint32_t> const& group, std::vector<double>& counts) const
    {
        counts.assign(m_terms.size(), 0.0);
        double total = 0;
        for (std::uint32_t u : group) {
            total += m_weights[u];
            for (std::uint32_t id : m_documents[u].ids)
                counts[id] += m_weights[u];
        }
        return total;
    }

    // Key phrases of a group of distinct opinions against the rest of a universe (everything,
    // or the parent cluster): phrases much more frequent inside than outside, scored by their
    // share of the divergence between the two; a phrase inside a chosen longer one (訓練 in
    // 避難訓練) is left out.
    std::vector<std::string> key_phrases(std::vector<std::uint32_t> const& inside,
                                         std::vector<double> const& universe,
                                         double universe_total)
    {
        m_inside_counts.resize(m_terms.size(), 0.0);
        std::vector<std::uint32_t> touched;
        double inside_total = 0;
        for (std::uint32_t u : inside) {
            inside_total += m_weights[u];
            for (std::uint32_t id : m_documents[u].ids) {
                if (m_inside_counts[id] == 0)
                    touched.push_back(id);
                m_inside_counts[id] += m_weights[u];
            }
        }
        double const background_total = std::max(0.0, universe_total - inside_total);

        std::vector<std::pair<double, std::uint32_t>> scored;
        double const minimum = inside_total >= 3 ? 2.0 : 1.0;
        for (std::uint32_t id : touched) {
            double const a = m_inside_counts[id];
            if (a < minimum || m_terms[id].as_phrase == 0)
                continue;
            double const p = a / inside_total;
            double const q = (std::max(0.0, universe[id] - a) + 0.5) / (background_total + 1.0);
            if (p > q)
                scored.push_back({p * std::log(p / q), id});
        }
        for (std::uint32_t id : touched)
            m_inside_counts[id] = 0;

        std::sort(scored.begin(), scored.end(), [](auto const& a, auto const& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::vector<std::string> phrases;
        std::vector<std::u32string const*> chosen;
        for (auto const& [score, id] : scored) {
            if (phrases.size() >= m_options.phrases)
                break;
            std::u32string const& text = m_terms[id].text;
            bool const overlaps = std::any_of(chosen.begin(), chosen.end(), [&](auto const* other) {
                return other->find(text) != std::u32string::npos
                    || text.find(*other) != std::u32string::npos;
            });
            if (overlaps)
                continue;
            chosen.push_back(&text);
            phrases.push_back(display_phrase(m_terms[id]));
        }
        return phrases;
    }

    std::vector<std::size_t> representatives(std::vector<std::uint32_t> const& rows,
                                             std::vector<float> const& similarity) const
    {
        std::vector<std::uint32_t> order = rows;
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return similarity[a] > similarity[b];
        });
        std::vector<std::size_t> chosen;
        for (std::size_t n = 0; n < order.size() && chosen.size() < m_options.representatives; ++n)
            chosen.push_back(m_unique[order[n]]);
        return chosen;
    }

    ClusterSummary summary(std::string id, std::vector<std::uint32_t> const& rows,
                           std::vector<double> const& universe, double universe_total,
                           std::vector<float> const& similarity)
    {
        ClusterSummary cluster;
        cluster.id = std::move(id);
        cluster.phrases = key_phrases(rows, universe, universe_total);
        for (std::size_t p = 0; p < cluster.phrases.size() && p < 2; ++p)
            cluster.label += (p ? "・" : "") + cluster.phrases[p];
        cluster.representatives = representatives(rows, similarity);
        return cluster;
    }

    // 7. Summaries: order clusters by size, name them, place them on the map.
    bool summarize()
    {
        if (!m_progress(AnalysisStage::summaries, 0))
            return false;

        // Coarse clusters, largest first (ties: the one with the earliest opinion).
        std::vector<std::vector<std::uint32_t>> coarse_rows(m_coarse_clusters);
        std::vector<double> coarse_weight(m_coarse_clusters, 0.0);
        for (std::uint32_t u = 0; u < m_unique.size(); ++u) {
            coarse_rows[m_coarse[u]].push_back(u);
            coarse_weight[m_coarse[u]] += m_weights[u];
        }
        std::vector<std::uint32_t> coarse_order = order_by_weight(coarse_rows, coarse_weight);
        std::vector<std::uint32_t> coarse_position(m_coarse_clusters, 0);
        for (std::uint32_t p = 0; p < coarse_order.size(); ++p)
            coarse_position[coarse_order[p]] = p;

        std::vector<std::uint32_t> fine_position(m_unique.size(), 0);
        std::vector<std::uint32_t> everyone(m_unique.size());
        std::iota(everyone.begin(), everyone.end(), 0u);
        std::vector<double> all_counts;
        double const all_total = count_terms(everyone, all_counts);
        std::vector<double> parent_counts;
        for (std::uint32_t p = 0; p < coarse_order.size(); ++p) {
            if (!m_progress(AnalysisStage::summaries,
                            0.8 * static_cast<double>(p) / coarse_order.size()))
                return false;
            std::uint32_t const c = coarse_order[p];
            auto const& rows = coarse_rows[c];
            if (rows.empty())
                continue;
            ClusterSummary cluster = summary(std::to_string(m_report.clusters.size() + 1), rows,
                                             all_counts, all_total, m_coarse_similarity);

            // Children, against the rest of their parent.
            if (m_fine_clusters[c] > 1) {
                std::vector<std::vector<std::uint32_t>> child_rows(m_fine_clusters[c]);
                std::vector<double> child_weight(m_fine_clusters[c], 0.0);
                for (std::uint32_t u : rows) {
                    child_rows[m_fine[u]].push_back(u);
                    child_weight[m_fine[u]] += m_weights[u];
                }
                auto const child_order = order_by_weight(child_rows, child_weight);
                double const parent_total = count_terms(rows, parent_counts);
                for (std::uint32_t f : child_order) {
                    if (child_rows[f].empty())
                        continue;
                    for (std::uint32_t u : child_rows[f])
                        fine_position[u] = static_cast<std::uint32_t>(cluster.children.size());
                    cluster.children.push_back(summary(
                        cluster.id + "." + std::to_string(cluster.children.size() + 1),
                        child_rows[f], parent_counts, parent_total, m_fine_similarity));
                }
            }
            m_report.clusters.push_back(std::move(cluster));
        }

        // Members, duplicates included, and each opinion's clusters.
        std::vector<std::uint32_t> unique_index(m_opinions.size(), 0);
        for (std::uint32_t u = 0; u < m_unique.size(); ++u)
            unique_index[m_unique[u]] = u;
        for (std::size_t i = 0; i < m_opinions.size(); ++i) {
            std::uint32_t const u = unique_index[m_representative[i]];
            std::uint32_t const c = coarse_position[m_coarse[u]];
            m_report.coarse[i] = c;
            auto& cluster = m_report.clusters[c];
            cluster.members.push_back(i);
            if (!cluster.children.empty()) {
                m_report.fine[i] = fine_position[u];
                cluster.children[fine_position[u]].members.push_back(i);
            }
        }

        place_on_map(unique_index);
        return m_progress(AnalysisStage::summaries, 1);
    }

    static std::vector<std::uint32_t> order_by_weight(
        std::vector<std::vector<std::uint32_t>> const& rows, std::vector<double> const& weight)
    {
        std::vector<std::uint32_t> order(rows.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (weight[a] != weight[b])
                return weight[a] > weight[b];
            std::uint32_t const first_a = rows[a].empty() ? UINT32_MAX : rows[a].front();
            std::uint32_t const first_b = rows[b].empty() ? UINT32_MAX : rows[b].front();
            return first_a < first_b;
        });
        return order;
    }

    // The map: the two principal components of the learnt vectors (or of the sparse part when
    // the set is too small to learn any), scaled into [-1, 1]; duplicates are spread a little
    // around the opinion they repeat so that they stay visible.
    void place_on_map(std::vector<std::uint32_t> const& unique_index)
    {
        std::size_t const d = m_matrix.dense_dimensions;
        std::vector<std::array<double, 2>> points(m_unique.size(), {0.0, 0.0});
        if (d >= 2) {
            // Weighted mean and covariance, then two power iterations with deflation.
            std::vector<double> mean(d, 0.0);
            double total = 0;
            for (std::size_t u = 0; u < m_unique.size(); ++u) {
                for (std::size_t j = 0; j < d; ++j)
                    mean[j] += m_weights[u] * m_matrix.dense[u * d + j];
                total += m_weights[u];
            }
            for (auto& x : mean)
                x /= total;
            std::vector<double> covariance(d * d, 0.0);
            for (std::size_t u = 0; u < m_unique.size(); ++u) {
                for (std::size_t a = 0; a < d; ++a) {
                    double const xa = m_matrix.dense[u * d + a] - mean[a];
                    for (std::size_t b = 0; b < d; ++b)
                        covariance[a * d + b] +=
                            m_weights[u] * xa * (m_matrix.dense[u * d + b] - mean[b]);
                }
            }
            std::vector<std::vector<double>> axes;
            SplitMix64 random(m_options.seed + 7);
            for (int component = 0; component < 2; ++component) {
                std::vector<double> v(d);
                for (auto& x : v)
                    x = random.uniform() - 0.5;
                for (int iteration = 0; iteration < 100; ++iteration) {
                    std::vector<double> next(d, 0.0);
                    for (std::size_t a = 0; a < d; ++a) {
                        for (std::size_t b = 0; b < d; ++b)
                            next[a] += covariance[a * d + b] * v[b];
                    }
                    for (auto const& axis : axes) {
                        double dot = 0;
                        for (std::size_t a = 0; a < d; ++a)
                            dot += next[a] * axis[a];
                        for (std::size_t a = 0; a < d; ++a)
                            next[a] -= dot * axis[a];
                    }
                    double norm = 0;
                    for (double x : next)
                        norm += x * x;
                    if (norm <= 0)
                        break;
                    norm = std::sqrt(norm);
                    for (std::size_t a = 0; a < d; ++a)
                        v[a] = next[a] / norm;
                }
                axes.push_back(v);
            }
            for (std::size_t u = 0; u < m_unique.size(); ++u) {
                for (int component = 0; component < 2; ++component) {
                    double dot = 0;
                    for (std::size_t j = 0; j < d; ++j)
                        dot += (m_matrix.dense[u * d + j] - mean[j]) * axes[component][j];
                    points[u][component] = dot;
                }
            }
        } else {
            // Too few opinions to learn vectors: clusters on a circle.
            for (std::size_t u = 0; u < m_unique.size(); ++u) {
                double const angle = 6.283185307179586 * m_coarse[u] / m_coarse_clusters;
                points[u] = {std::cos(angle), std::sin(angle)};
            }
        }

        // Scale into [-1, 1], keeping the aspect ratio.
        double extent = 1e-12;
        for (auto const& p : points)
            extent = std::max({extent, std::fabs(p[0]), std::fabs(p[1])});
        for (std::size_t i = 0; i < m_opinions.size(); ++i) {
            std::size_t const u = unique_index[m_representative[i]];
            double x = points[u][0] / extent * 0.95;
            double y = points[u][1] / extent * 0.95;
            if (m_representative[i] != i) {
                SplitMix64 jitter(i * 31 + m_options.seed);
                x += (jitter.uniform() - 0.5) * 0.02;
                y += (jitter.uniform() - 0.5) * 0.02;
            }
            m_report.map[i] = {static_cast<float>(std::clamp(x, -1.0, 1.0)),
                               static_cast<float>(std::clamp(y, -1.0, 1.0))};
        }
        for (auto& cluster : m_report.clusters) {
            centre(cluster);
            for (auto& child : cluster.children)
                centre(child);
        }
    }

    void centre(ClusterSummary& cluster) const
    {
        double x = 0;
        double y = 0;
        for (std::size_t i : cluster.members) {
            x += m_report.map[i].x;
            y += m_report.map[i].y;
        }
        if (!cluster.members.empty()) {
            cluster.x = static_cast<float>(x / cluster.members.size());
            cluster.y = static_cast<float>(y / cluster.members.size());
        }
    }

    AnalysisOptions const& m_options;
    Lexicon const* m_lexicon;
    std::vector<Opinion> const& m_opinions;
    Progress m_progress;
    AnalysisReport m_report;

    std::vector<std::u32string> m_normalized;
    std::vector<std::size_t> m_representative; // per opinion: the first of its duplicate group
    std::vector<float> m_weight_of;            // per opinion: its group size when it leads one
    std::vector<std::size_t> m_unique;         // opinions that are clustered
    std::vector<float> m_weights;              // per unique opinion
    Segmenter m_segmenter;
    std::vector<Term> m_terms;
    std::vector<DocumentTerms> m_documents; // per unique opinion
    DocumentMatrix m_matrix;
    std::size_t m_coarse_clusters = 1;
    std::vector<std::uint32_t> m_coarse;
    std::vector<float> m_coarse_similarity;
    std::vector<std::size_t> m_fine_clusters;
    std::vector<std::uint32_t> m_fine;
    std::vector<float> m_fine_similarity;
    std::vector<double> m_inside_counts;
};

} // namespace

std::string_view analysis_stage_name(AnalysisStage stage)
{
    switch (stage) {
    case AnalysisStage::personal_info:
        return "personal_info";
    case AnalysisStage::duplicates:
        return "duplicates";
    case AnalysisStage::phrases:
        return "phrases";
    case AnalysisStage::vectors:
        return "vectors";
    case AnalysisStage::coarse_clusters:
        return "coarse_clusters";
    case AnalysisStage::fine_clusters:
        return "fine_clusters";
    case AnalysisStage::summaries:
        return "summaries";
    }
    return "unknown";
}

Analyzer::Analyzer(AnalysisOptions options, Lexicon const* lexicon)
    : m_options(std::move(options))
    , m_lexicon(lexicon)
{
}

AnalysisResult Analyzer::run(std::vector<Opinion> const& opinions,
                             AnalysisProgress const& progress) const
{
    return Run(m_options, m_lexicon, opinions, progress).run();
}

} // namespace machiba::analysis

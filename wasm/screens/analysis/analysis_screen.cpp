// The staff's opinion analysis: load a CSV or JSONL file of opinions, analyse it in a Web Worker
// (wasm/worker) with a progress bar and a cancel button, then a map of the opinions drawn with
// ImGui's draw lists, the clusters with their key phrases and typical opinions (personal
// information masked), filters by age band, district and campaign with each cluster's share
// against the whole, and export as JSON, CSV or a Markdown memo. Route: "staff/analysis".
//
// The worker and the file input live on the page's side (the EM_JS functions below): the file's
// bytes go from the browser to the worker and never through this module; only the screen's data
// (clusters, and per opinion its clusters, map position and attributes) comes back here.
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/platform/app_log.hpp"
#include "wasm/ui/kit.hpp"

#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

// ---- The page's side: file input, worker, downloads ---------------------------------------------

// Opens the browser's file chooser (a hidden <input type=file> the page keeps); the chosen file is
// read and sent to a new worker. words: the Markdown memo's words as JSON.
EM_JS(void, machiba_analysis_js_choose, (char const* words), {
    var state = Module.machibaAnalysis || (Module.machibaAnalysis = {state : 'idle'});
    state.words = UTF8ToString(words);
    var input = document.getElementById('machiba-analysis-file');
    if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'machiba-analysis-file';
        input.accept = '.csv,.jsonl,.ndjson,.json,text/csv,application/json';
        input.setAttribute('aria-hidden', 'true');
        input.style.display = 'none';
        document.body.appendChild(input);
        input.addEventListener('change', function() {
            var file = input.files && input.files[0];
            input.value = "";
            if (!file) return;
            var run = {state : 'reading', name : file.name, stage : "", fraction : 0,
                       words : Module.machibaAnalysis.words, changed : true};
            if (Module.machibaAnalysis.worker) Module.machibaAnalysis.worker.terminate();
            Module.machibaAnalysis = run;
            _machiba_wake();
            file.arrayBuffer().then(function(buffer) {
                if (Module.machibaAnalysis !== run) return;
                var worker = new Worker('analysis_worker.js');
                run.worker = worker;
                run.state = 'running';
                run.changed = true;
                worker.onmessage = function(event) {
                    var message = event.data;
                    if (Module.machibaAnalysis !== run) return;
                    if (message.type === 'progress') {
                        run.stage = message.stage;
                        run.fraction = message.fraction;
                    } else if (message.type === 'done') {
                        run.state = 'done';
                        run.fraction = 1;
                        run.screen = message.screen;
                        run.exports = [ message.report, message.csv, message.markdown ];
                        run.seconds = message.seconds;
                        worker.terminate();
                        run.worker = null;
                    } else if (message.type === 'error') {
                        run.state = 'error';
                        run.error = message.message;
                        run.line = message.line || 0;
                        worker.terminate();
                        run.worker = null;
                    }
                    run.changed = true;
                    _machiba_wake();
                };
                worker.onerror = function(event) {
                    if (Module.machibaAnalysis !== run) return;
                    run.state = 'error';
                    run.error = event.message || 'the analysis worker failed';
                    run.changed = true;
                    worker.terminate();
                    run.worker = null;
                    _machiba_wake();
                };
                worker.postMessage({type : 'analyze', bytes : buffer, name : file.name, seed : 1,
                                    words : JSON.parse(run.words || '{}'),
                                    lexicon : 'assets/analysis/'},
                                   [buffer]);
                _machiba_wake();
            }, function(error) {
                run.state = 'error';
                run.error = String(error);
                run.changed = true;
                _machiba_wake();
            });
        });
    }
    input.click();
});

// Stops the running analysis: the worker is terminated (it cannot hear a message mid-run).
EM_JS(void, machiba_analysis_js_cancel, (), {
    var run = Module.machibaAnalysis;
    if (!run) return;
    if (run.worker) run.worker.terminate();
    Module.machibaAnalysis = {state : 'cancelled', name : run.name, words : run.words,
                              changed : true};
});

// The run's state as JSON when it changed since the last call (malloc'd; the caller frees it),
// else null. The screen's data comes once, with the state "done".
EM_JS(char*, machiba_analysis_js_poll, (), {
    var run = Module.machibaAnalysis;
    if (!run || !run.changed) return 0;
    run.changed = false;
    var answer = {state : run.state, name : run.name || "", stage : run.stage || "",
                  fraction : run.fraction || 0, error : run.error || "", line : run.line || 0,
                  seconds : run.seconds || 0};
    var text = JSON.stringify(answer);
    if (run.state === 'done' && run.screen) {
        text = text.slice(0, -1) + ',"screen":' + run.screen + '}';
        run.screen = null;
    }
    var size = lengthBytesUTF8(text) + 1;
    var pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

// Saves one export (0 JSON, 1 CSV, 2 Markdown) as a download.
EM_JS(void, machiba_analysis_js_export, (int part, char const* file_name), {
    var run = Module.machibaAnalysis;
    if (!run || !run.exports) return;
    var types = [ 'application/json', 'text/csv', 'text/markdown' ];
    var body = run.exports[part];
    if (part === 1) body = '\ufeff' + body; // spreadsheet programs read UTF-8 CSV by its BOM
    var url = URL.createObjectURL(new Blob([body], {type : types[part] + ';charset=utf-8'}));
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(file_name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

namespace machiba::screens {

namespace {

// Cluster colours on the map and beside the list: distinct, readable on white.
constexpr std::array<ImU32, 12> cluster_colours = {
    IM_COL32(29, 95, 168, 255),  IM_COL32(222, 120, 32, 255), IM_COL32(46, 139, 87, 255),
    IM_COL32(179, 38, 30, 255),  IM_COL32(123, 77, 168, 255), IM_COL32(0, 137, 150, 255),
    IM_COL32(196, 78, 142, 255), IM_COL32(128, 110, 30, 255), IM_COL32(90, 90, 90, 255),
    IM_COL32(70, 130, 200, 255), IM_COL32(200, 160, 20, 255), IM_COL32(110, 60, 40, 255)};

ImU32 colour_of(std::size_t cluster, int alpha = 255)
{
    ImU32 const colour = cluster_colours[cluster % cluster_colours.size()];
    return (colour & 0x00FFFFFFu) | (static_cast<ImU32>(alpha) << 24);
}

struct Cluster {
    std::string id;
    std::string label;
    std::vector<std::string> phrases;
    std::size_t size = 0;
    std::vector<std::string> representatives;
    float x = 0;
    float y = 0;
    std::vector<Cluster> children;
};

struct Attribute {
    std::vector<std::string> values;
    std::vector<int> of; // per opinion: index into values, -1 when not kept
};

struct ScreenData {
    std::size_t opinions = 0;
    std::size_t duplicates = 0;
    std::size_t pii = 0;
    std::vector<Cluster> clusters;
    std::vector<std::uint32_t> coarse;
    std::vector<std::uint32_t> fine;
    std::vector<float> x;
    std::vector<float> y;
    std::array<Attribute, 3> attributes; // age band, district, campaign
    // The part of the plane the map shows: where most opinions lie (see fit_view).
    float left = -1;
    float right = 1;
    float bottom = -1;
    float top = 1;
};

// The range from the 2nd to the 98th percentile of values, widened by a tenth on each side: a
// few far-off opinions would otherwise squeeze all the others into the map's centre.
std::pair<float, float> fitted_range(std::vector<float> values)
{
    if (values.empty())
        return {-1.0f, 1.0f};
    auto const at = [&](double fraction) {
        auto const n = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
        std::nth_element(values.begin(), values.begin() + n, values.end());
        return values[n];
    };
    float low = at(0.02);
    float high = at(0.98);
    if (high - low < 1e-6f) {
        low -= 0.5f;
        high += 0.5f;
    }
    float const pad = (high - low) * 0.1f;
    return {low - pad, high + pad};
}

void fit_view(ScreenData& data)
{
    std::tie(data.left, data.right) = fitted_range(data.x);
    std::tie(data.bottom, data.top) = fitted_range(data.y);
}

Cluster read_cluster(nlohmann::json const& json)
{
    Cluster cluster;
    cluster.id = json.value("id", "");
    cluster.label = json.value("label", "");
    cluster.phrases = json.value("phrases", std::vector<std::string>());
    cluster.size = json.value("size", std::size_t{0});
    cluster.representatives = json.value("representatives", std::vector<std::string>());
    cluster.x = json.value("x", 0.0f);
    cluster.y = json.value("y", 0.0f);
    for (auto const& child : json.value("children", nlohmann::json::array()))
        cluster.children.push_back(read_cluster(child));
    return cluster;
}

ScreenData read_screen(nlohmann::json const& json)
{
    ScreenData data;
    data.opinions = json.value("opinions", std::size_t{0});
    data.duplicates = json.value("duplicates", std::size_t{0});
    data.pii = json.value("pii", std::size_t{0});
    for (auto const& cluster : json.value("clusters", nlohmann::json::array()))
        data.clusters.push_back(read_cluster(cluster));
    data.coarse = json.value("coarse", std::vector<std::uint32_t>());
    data.fine = json.value("fine", std::vector<std::uint32_t>());
    data.x = json.value("x", std::vector<float>());
    data.y = json.value("y", std::vector<float>());
    fit_view(data);
    char const* names[] = {"age_band", "district", "campaign"};
    for (std::size_t a = 0; a < 3; ++a) {
        auto const found = json.find(names[a]);
        if (found == json.end() || !found->is_object())
            continue;
        data.attributes[a].values = found->value("values", std::vector<std::string>());
        data.attributes[a].of = found->value("of", std::vector<int>());
    }
    return data;
}

std::string percent_text(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", share * 100.0);
    return buffer;
}

std::string signed_points(double difference)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.1f", difference * 100.0);
    return buffer;
}

class AnalysisScreen final : public app::Screen {
public:
    std::string title(app::AppContext& app) const override { return app.t("analysis.title"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        poll(app);
        ui.heading("analysis.heading", app.t("analysis.heading"));

        // 1. The source, or the run in progress.
        if (m_state == "reading" || m_state == "running") {
            draw_progress(app, ui);
            return;
        }
        draw_source(app, ui);
        if (m_state != "done" || m_data.clusters.empty())
            return;

        // 2. The result: summary, filters, map and clusters, export.
        ui.separator();
        ui.text(app.strings.format("analysis.summary",
            {{"opinions", app::Strings::count(m_data.opinions)},
                {"clusters", app::Strings::count(m_data.clusters.size())},
                {"duplicates", app::Strings::count(m_data.duplicates)},
                {"pii", app::Strings::count(m_data.pii)}}));
        ui.muted(app.strings.format("analysis.timing", {{"name", m_name}, {"seconds", m_seconds}}));
        ui.gap(8);
        if (ui.wide()) {
            if (ui.begin_grid("analysis.layout", 2)) {
                draw_filters(app, ui);
                draw_map(app, ui);
                draw_export(app, ui);
                ui.next_cell();
                draw_clusters(app, ui);
                ui.end_grid();
            }
        } else {
            draw_filters(app, ui);
            draw_map(app, ui);
            draw_clusters(app, ui);
            draw_export(app, ui);
        }
    }

private:
    // ---- The run ----------------------------------------------------------------------------

    void poll(app::AppContext& app)
    {
        char* answer = machiba_analysis_js_poll();
        if (!answer)
            return;
        auto const json = nlohmann::json::parse(answer, nullptr, false);
        std::free(answer);
        if (json.is_discarded())
            return;
        m_state = json.value("state", "idle");
        m_name = json.value("name", "");
        m_stage = json.value("stage", "");
        m_fraction = json.value("fraction", 0.0f);
        m_error = json.value("error", "");
        m_error_line = json.value("line", std::size_t{0});
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", json.value("seconds", 0.0));
        m_seconds = seconds;
        if (m_state == "done" && json.contains("screen")) {
            m_data = read_screen(json["screen"]);
            m_selected = -1; // the map first shows every cluster alike; a tap opens one
            m_filter_attribute = 0;
            m_filter_value = -1;
            update_view();
            app.log.write(platform::LogLevel::Info, "analysis",
                "analysed " + std::to_string(m_data.opinions) + " opinions into "
                    + std::to_string(m_data.clusters.size()) + " clusters");
        }
        if (m_state == "error")
            app.log.write(platform::LogLevel::Warning, "analysis", "analysis failed: " + m_error);
    }

    std::string words_json(app::AppContext& app) const
    {
        return nlohmann::json{{"title", app.t("analysis.memo_title")},
            {"summary", app.t("analysis.memo_summary")},
            {"cluster_size", app.t("analysis.memo_cluster_size")},
            {"phrases", app.t("analysis.memo_phrases")},
            {"examples", app.t("analysis.memo_examples")},
            {"subclusters", app.t("analysis.memo_subclusters")}}
            .dump();
    }

    void draw_source(app::AppContext& app, ui::Kit& ui)
    {
        if (m_state != "done") {
            ui.text(app.t("analysis.intro"));
            ui.gap(8);
        }
        if (ui.big_button("analysis.choose",
                app.t(m_state == "done" ? "analysis.choose_another" : "analysis.choose")))
            machiba_analysis_js_choose(words_json(app).c_str());
        ui.muted(app.t("analysis.file_hint"));
        if (m_state == "error") {
            ui.gap(8);
            ui.text(m_error_line > 0
                        ? app.strings.format("analysis.error_line",
                                             {{"name", m_name},
                                              {"line", std::to_string(m_error_line)},
                                              {"message", m_error}})
                        : app.strings.format("analysis.error",
                                             {{"name", m_name}, {"message", m_error}}));
        } else if (m_state == "cancelled") {
            ui.gap(8);
            ui.muted(app.t("analysis.cancelled"));
        }
    }

    void draw_progress(app::AppContext& app, ui::Kit& ui)
    {
        ui.text(app.strings.format("analysis.analysing", {{"name", m_name}}));
        ui.gap(8);
        std::string const stage = m_state == "reading" || m_stage.empty()
            ? app.t("analysis.stage.reading")
            : app.t("analysis.stage." + m_stage);
        ui.progress_bar("analysis.progress", stage, m_fraction);
        if (ui.button("analysis.cancel", app.t("analysis.cancel"))) {
            machiba_analysis_js_cancel();
            app.log.write(platform::LogLevel::Info, "analysis", "analysis cancelled");
        }
    }

    // ---- Filters and shares
    // ----------------------------------------------------------------------

    // Counts each cluster's opinions in the filtered view (all opinions when no filter).
    void update_view()
    {
        std::size_t const clusters = m_data.clusters.size();
        m_view_count.assign(clusters, 0);
        m_view_total = 0;
        m_in_view.assign(m_data.coarse.size(), 1);
        Attribute const* attribute =
            m_filter_value >= 0 ? &m_data.attributes[m_filter_attribute - 1] : nullptr;
        for (std::size_t i = 0; i < m_data.coarse.size(); ++i) {
            bool const in = !attribute
                || (i < attribute->of.size() && attribute->of[i] == m_filter_value);
            m_in_view[i] = in;
            if (in && m_data.coarse[i] < clusters) {
                ++m_view_count[m_data.coarse[i]];
                ++m_view_total;
            }
        }
    }

    void draw_filters(app::AppContext& app, ui::Kit& ui)
    {
        ui.muted(app.t("analysis.filter"));
        std::vector<std::string> const tabs = {app.t("analysis.filter_all"),
            app.t("analysis.filter_age_band"), app.t("analysis.filter_district"),
            app.t("analysis.filter_campaign")};
        int attribute = m_filter_attribute;
        if (ui.tabs("analysis.filter", tabs, attribute)) {
            m_filter_attribute = attribute;
            m_filter_value = -1;
            update_view();
        }
        if (m_filter_attribute == 0)
            return;
        auto const& values = m_data.attributes[m_filter_attribute - 1].values;
        if (values.empty() || (values.size() == 1 && values[0].empty())) {
            ui.muted(app.t("analysis.filter_none"));
            return;
        }
        std::vector<std::string> labels;
        for (auto const& value : values)
            labels.push_back(value.empty() ? app.t("analysis.unknown_value") : value);
        std::vector<bool> on(labels.size(), false);
        if (m_filter_value >= 0)
            on[m_filter_value] = true;
        if (ui.chips("analysis.value", labels, on)) {
            // One value at a time: the chip just turned on, or none.
            int chosen = -1;
            for (std::size_t v = 0; v < on.size(); ++v) {
                if (on[v] && static_cast<int>(v) != m_filter_value)
                    chosen = static_cast<int>(v);
            }
            m_filter_value = chosen;
            update_view();
        }
        if (m_filter_value >= 0)
            ui.muted(app.strings.format("analysis.filter_count",
                {{"count", app::Strings::count(m_view_total)}, {"value", labels[m_filter_value]}}));
    }

    // ---- The map ------------------------------------------------------------------------------

    void draw_map(app::AppContext& app, ui::Kit& ui)
    {
        float const width = ImGui::GetContentRegionAvail().x;
        float const height = std::min(width * 0.8f, ui.px(520));
        ImVec2 const origin = ImGui::GetCursorScreenPos();
        bool const tapped = ImGui::InvisibleButton("##analysis map", ImVec2(width, height));
        ui.record_last_item("analysis.map", "img", app.t("analysis.map"),
            std::to_string(m_data.clusters.size()));
        auto* draw = ImGui::GetWindowDrawList();
        auto const& palette = ui.palette();
        ImVec2 const end(origin.x + width, origin.y + height);
        draw->AddRectFilled(origin, end, palette.surface, ui.px(12));
        draw->AddRect(origin, end, palette.border, ui.px(12), 0, ui.px(1));
        draw->PushClipRect(origin, end, true);

        float const margin = ui.px(18);
        auto place = [&](float x, float y) {
            float const across = (x - m_data.left) / (m_data.right - m_data.left);
            float const up = (y - m_data.bottom) / (m_data.top - m_data.bottom);
            return ImVec2(origin.x + margin + across * (width - 2 * margin),
                origin.y + margin + (1 - up) * (height - 2 * margin));
        };

        // 1. Points: at most about 6,000 (an even sample), those outside the filter faint; none
        //    while the map is scrolled out of sight, where they would cost every frame.
        bool const visible = ImGui::IsRectVisible(origin, end);
        std::size_t const count = m_data.x.size();
        std::size_t const step = std::max<std::size_t>(1, (count + 5999) / 6000);
        float const radius = ui.px(count > 2000 ? 2.0f : 3.0f);
        for (int pass = 0; visible && pass < 2; ++pass) {
            for (std::size_t i = 0; i < count && i < m_data.coarse.size(); i += step) {
                bool const in = m_in_view.empty() || m_in_view[i];
                if (in != (pass == 1))
                    continue;
                std::size_t const cluster = m_data.coarse[i];
                bool const chosen =
                    m_selected < 0 || static_cast<std::size_t>(m_selected) == cluster;
                int const alpha = !in ? 30 : (chosen ? 200 : 90);
                ImVec2 const p = place(m_data.x[i], m_data.y[i]);
                draw->AddRectFilled(ImVec2(p.x - radius, p.y - radius),
                    ImVec2(p.x + radius, p.y + radius), colour_of(cluster, alpha));
            }
        }

        // 2. Cluster names at their centres, on a white tag, the chosen one outlined. The
        //    chosen one, then the largest, take their places first; a name that would cover
        //    one already placed shrinks to its number, or is left out when even that would.
        ImFont* font = ImGui::GetFont();
        float const font_size = font->FontSize * 0.9f;
        std::vector<std::size_t> order(visible ? m_data.clusters.size() : 0);
        for (std::size_t c = 0; c < order.size(); ++c)
            order[c] = c;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            bool const a_chosen = static_cast<int>(a) == m_selected;
            bool const b_chosen = static_cast<int>(b) == m_selected;
            if (a_chosen != b_chosen)
                return a_chosen;
            return m_data.clusters[a].size > m_data.clusters[b].size;
        });
        ImVec2 const pad(ui.px(5), ui.px(2));
        std::vector<ImRect> taken;
        auto tag_at = [&](std::size_t c, std::string const& text) {
            ImVec2 const size = font->CalcTextSizeA(font_size, FLT_MAX, 0, text.c_str());
            ImVec2 p = place(m_data.clusters[c].x, m_data.clusters[c].y);
            // The tag's padding stays inside the map too, so a name near the edge is not cut.
            ImVec2 const inset(ui.px(4) + pad.x, ui.px(4) + pad.y);
            p.x = std::clamp(p.x - size.x / 2, origin.x + inset.x, end.x - size.x - inset.x);
            p.y = std::clamp(p.y - size.y / 2, origin.y + inset.y, end.y - size.y - inset.y);
            return ImRect(p.x - pad.x, p.y - pad.y, p.x + size.x + pad.x, p.y + size.y + pad.y);
        };
        auto is_free = [&](ImRect const& box) {
            return std::none_of(taken.begin(), taken.end(),
                [&](ImRect const& other) { return other.Overlaps(box); });
        };
        for (std::size_t const c : order) {
            auto const& cluster = m_data.clusters[c];
            std::string text = cluster.id + " " + cluster.label;
            ui.prepare_text(text, font);
            ImRect box = tag_at(c, text);
            if (!is_free(box)) {
                text = cluster.id;
                box = tag_at(c, text);
                if (!is_free(box))
                    continue;
            }
            taken.push_back(box);
            bool const chosen = static_cast<int>(c) == m_selected;
            draw->AddRectFilled(box.Min, box.Max, IM_COL32(255, 255, 255, 230), ui.px(4));
            draw->AddRect(box.Min, box.Max, colour_of(c), ui.px(4), 0,
                ui.px(chosen ? 2.5f : 1.0f));
            draw->AddText(font, font_size, ImVec2(box.Min.x + pad.x, box.Min.y + pad.y),
                palette.text, text.c_str());
        }
        draw->PopClipRect();

        // 3. A tap chooses the nearest cluster.
        if (tapped) {
            ImVec2 const mouse = ImGui::GetIO().MousePos;
            float best = FLT_MAX;
            for (std::size_t c = 0; c < m_data.clusters.size(); ++c) {
                ImVec2 const p = place(m_data.clusters[c].x, m_data.clusters[c].y);
                float const d =
                    (p.x - mouse.x) * (p.x - mouse.x) + (p.y - mouse.y) * (p.y - mouse.y);
                if (d < best) {
                    best = d;
                    m_selected = static_cast<int>(c);
                }
            }
        }
        ui.muted(app.t("analysis.map_hint"));
        ui.gap(8);
    }

    // ---- The clusters -------------------------------------------------------------------------

    void draw_clusters(app::AppContext& app, ui::Kit& ui)
    {
        ui.heading("analysis.clusters", app.t("analysis.clusters"));
        std::size_t const all = std::max<std::size_t>(1, m_data.coarse.size());
        bool const filtered = m_filter_value >= 0;
        for (std::size_t c = 0; c < m_data.clusters.size(); ++c) {
            auto const& cluster = m_data.clusters[c];
            double const overall = static_cast<double>(cluster.size) / static_cast<double>(all);
            std::string const badge = app.strings.format("analysis.size",
                {{"count", app::Strings::count(cluster.size)}, {"share", percent_text(overall)}});
            std::string body;
            for (std::size_t p = 0; p < cluster.phrases.size(); ++p)
                body += (p ? "・" : "") + cluster.phrases[p];
            if (filtered) {
                double const share = m_view_total
                    ? static_cast<double>(m_view_count[c]) / static_cast<double>(m_view_total)
                    : 0.0;
                body += "\n" + app.strings.format("analysis.size_filtered",
                    {{"count", app::Strings::count(m_view_count[c])},
                        {"share", percent_text(share)},
                        {"difference", signed_points(share - overall)}});
            }
            ImVec2 const top = ImGui::GetCursorScreenPos();
            float const width = ImGui::GetContentRegionAvail().x;
            if (ui.card("analysis.cluster." + cluster.id, cluster.id + ". " + cluster.label,
                    body, badge))
                m_selected = m_selected == static_cast<int>(c) ? -1 : static_cast<int>(c);
            // The cluster's colour, as on the map.
            ImGui::GetWindowDrawList()->AddCircleFilled(
                ImVec2(top.x + width - ui.px(18), top.y + ui.px(18)), ui.px(7), colour_of(c));
            if (m_selected == static_cast<int>(c))
                draw_cluster_detail(app, ui, cluster);
        }
    }

    void draw_cluster_detail(app::AppContext& app, ui::Kit& ui, Cluster const& cluster)
    {
        ImGui::Indent(ui.px(12));
        if (!cluster.representatives.empty()) {
            ui.muted(app.t("analysis.examples"));
            for (auto const& text : cluster.representatives) {
                ui.text("「" + text + "」");
                ui.gap(6);
            }
        }
        if (!cluster.children.empty()) {
            ui.gap(4);
            ui.muted(app.t("analysis.children"));
            for (auto const& child : cluster.children) {
                std::string phrases;
                for (std::size_t p = 0; p < child.phrases.size() && p < 4; ++p)
                    phrases += (p ? "・" : "") + child.phrases[p];
                std::string const count = app.strings.format(
                    "analysis.count", {{"count", app::Strings::count(child.size)}});
                ui.text(child.id + "  " + phrases + "  (" + count + ")");
                ui.gap(4);
            }
        }
        ImGui::Unindent(ui.px(12));
        ui.gap(12);
    }

    // ---- Export -------------------------------------------------------------------------------

    void draw_export(app::AppContext& app, ui::Kit& ui)
    {
        ui.muted(app.t("analysis.export"));
        ui.gap(4);
        if (ui.begin_grid("analysis.export_grid", 3)) {
            if (ui.button("analysis.export.json", app.t("analysis.export_json")))
                machiba_analysis_js_export(0, "machiba-analysis.json");
            ui.next_cell();
            if (ui.button("analysis.export.csv", app.t("analysis.export_csv")))
                machiba_analysis_js_export(1, "machiba-analysis.csv");
            ui.next_cell();
            if (ui.button("analysis.export.markdown", app.t("analysis.export_markdown")))
                machiba_analysis_js_export(2, "machiba-analysis.md");
            ui.end_grid();
        }
        ui.gap(12);
    }

    std::string m_state = "idle";
    std::string m_name;
    std::string m_stage;
    float m_fraction = 0;
    std::string m_error;
    std::size_t m_error_line = 0;
    std::string m_seconds;
    ScreenData m_data;
    int m_selected = -1;
    int m_filter_attribute = 0; // 0 all, 1 age band, 2 district, 3 campaign
    int m_filter_value = -1;
    std::vector<std::size_t> m_view_count;
    std::size_t m_view_total = 0;
    std::vector<char> m_in_view;
};

} // namespace

std::unique_ptr<app::Screen> make_analysis_screen(app::AppContext&, std::string_view)
{
    return std::make_unique<AnalysisScreen>();
}

} // namespace machiba::screens

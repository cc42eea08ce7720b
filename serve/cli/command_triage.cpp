// `machiba triage`: routes health questions, one per line on standard input, and writes one JSON
// object per line. It is how the labelled set is evaluated and how staff try the pack.
#include "serve/cli/commands.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/text/utf8.hpp"
#include "shared/triage/router.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace machiba::cli {

namespace {

constexpr char const* usage_text =
    "usage: machiba triage [--lang ja|en] [--now ISO8601] [--assets DIR] [--no-model]\n"
    "  Reads one question per line on standard input and writes one JSON object per line:\n"
    "  route, topic, resources (ids), crisis_card, follow_up, signals, availability, and\n"
    "  model (\"filled\" or \"escalated\") when the learned second opinion changed the route.\n"
    "  --lang    language of texts in the output (default ja)\n"
    "  --now     the time that decides what is open (default: the clock), e.g.\n"
    "            2026-12-03T18:00:00+09:00\n"
    "  --assets  folder holding triage/ and calendar/ (default: assets); without\n"
    "            triage/examples.jsonl the lexicon alone routes\n"
    "  --no-model  route with the lexicon alone\n";

bool read_text(std::string const& path, std::string& out, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path;
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

bool read_json(std::string const& path, nlohmann::json& out, std::string& error)
{
    std::string text;
    if (!read_text(path, text, error))
        return false;
    out = nlohmann::json::parse(text, nullptr, false);
    if (out.is_discarded()) {
        error = path + " is not valid JSON";
        return false;
    }
    return true;
}

void print_error(std::string const& code, std::string const& message, std::size_t line)
{
    nlohmann::json error{{"error", {{"code", code}, {"message", message}, {"line", line}}}};
    std::cout << error.dump() << '\n';
}

} // namespace

int run_triage(Arguments arguments)
{
    // 1. Options.
    std::string language = "ja";
    std::string assets = "assets";
    bool use_model = true;
    std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                              .count();
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string const option = arguments[i];
        bool const has_value = i + 1 < arguments.size();
        if (option == "--help" || option == "-h") {
            std::fputs(usage_text, stdout);
            return 0;
        }
        if (option == "--lang" && has_value) {
            language = arguments[++i];
            if (language != "ja" && language != "en") {
                std::fprintf(stderr, "machiba triage: --lang must be ja or en, not '%s'\n",
                    language.c_str());
                return 2;
            }
        } else if (option == "--now" && has_value) {
            auto const parsed = calendar::parse_iso8601(arguments[++i]);
            if (auto const* error = std::get_if<calendar::CalendarError>(&parsed)) {
                std::fprintf(stderr, "machiba triage: --now: %s\n", error->message.c_str());
                return 2;
            }
            now_ms = std::get<std::int64_t>(parsed);
        } else if (option == "--assets" && has_value) {
            assets = arguments[++i];
        } else if (option == "--no-model") {
            use_model = false;
        } else {
            std::fprintf(stderr, "machiba triage: unknown or incomplete option '%s'\n\n%s",
                option.c_str(), usage_text);
            return 2;
        }
    }

    // 2. The pack.
    triage::PackDocuments documents;
    std::string error;
    if (!read_json(assets + "/triage/lexicon.json", documents.lexicon, error)
        || !read_json(assets + "/triage/resources.json", documents.resources, error)
        || !read_json(assets + "/triage/content.json", documents.content, error)
        || !read_json(assets + "/calendar/japan_holidays.json", documents.holidays, error)) {
        std::fprintf(stderr, "machiba triage: %s\n", error.c_str());
        return 1;
    }
    if (use_model && std::ifstream(assets + "/triage/examples.jsonl")
        && (!read_text(assets + "/triage/examples.jsonl", documents.examples, error)
            || !read_json(assets + "/triage/route_model.json", documents.route_model, error))) {
        std::fprintf(stderr, "machiba triage: %s\n", error.c_str());
        return 1;
    }
    auto loaded = triage::TriagePack::from_json(documents);
    if (auto const* pack_error = std::get_if<triage::TriageError>(&loaded)) {
        std::fprintf(stderr, "machiba triage: %s (%s)\n", pack_error->message.c_str(),
            pack_error->code.c_str());
        return 1;
    }
    auto const& pack = std::get<triage::TriagePack>(loaded);
    triage::Router const router(pack);

    // 3. One answer per line; a bad line gets an error object so lines stay aligned.
    std::string line;
    std::size_t number = 0;
    while (std::getline(std::cin, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (auto const bad = text::validate_utf8(line)) {
            print_error(bad->code(), "line " + std::to_string(number) + ": " + bad->message(),
                number);
            continue;
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            print_error("triage.empty_question", "line " + std::to_string(number) + " is empty",
                number);
            continue;
        }
        auto const result = router.route(line, now_ms);
        std::cout << triage::to_json(result, pack, language).dump() << '\n';
    }
    return 0;
}

} // namespace machiba::cli

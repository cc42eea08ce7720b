// Loads the real content pack from assets/ for the triage tests, once per test program; its
// route model is trained on all of assets/triage/examples.jsonl.
#pragma once

#include "shared/calendar/japan_time.hpp"
#include "shared/triage/router.hpp"
#include "shared/triage/triage_pack.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

inline std::string read_source_text(std::string const& relative)
{
    std::ifstream in(std::string(MACHIBA_SOURCE_DIR) + "/" + relative, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + relative);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline nlohmann::json read_source_json(std::string const& relative)
{
    auto json = nlohmann::json::parse(read_source_text(relative), nullptr, false);
    if (json.is_discarded())
        throw std::runtime_error("cannot parse " + relative);
    return json;
}

inline machiba::triage::PackDocuments pack_documents()
{
    return {read_source_json("assets/triage/lexicon.json"),
        read_source_json("assets/triage/resources.json"),
        read_source_json("assets/triage/content.json"),
        read_source_json("assets/calendar/japan_holidays.json"),
        read_source_json("assets/triage/route_model.json"),
        read_source_text("assets/triage/examples.jsonl")};
}

inline machiba::triage::TriagePack const& triage_pack()
{
    static auto const pack = [] {
        auto result = machiba::triage::TriagePack::from_json(pack_documents());
        if (auto* error = std::get_if<machiba::triage::TriageError>(&result))
            throw std::runtime_error(error->message);
        return std::get<machiba::triage::TriagePack>(std::move(result));
    }();
    return pack;
}

// A Thursday evening in Japan, when the ward's chat is open.
inline std::int64_t thursday_evening()
{
    return std::get<std::int64_t>(machiba::calendar::parse_iso8601("2026-12-03T18:00:00+09:00"));
}

inline machiba::triage::TriageResult triage(std::string_view question,
    std::int64_t now_ms = thursday_evening())
{
    return machiba::triage::Router(triage_pack()).route(question, now_ms);
}

// A small checker of JSON values against the schemas of Machiba's OpenAPI document (the subset
// it uses: type, nullable, required, properties, additionalProperties, items, enum, $ref, allOf,
// oneOf), so that the API tests can hold every answer to what the document promises.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace machiba::tests {

// Every place where value breaks the schema, as "pointer: what"; empty when it fits.
std::vector<std::string> schema_mismatches(nlohmann::json const& document,
    nlohmann::json const& schema, nlohmann::json const& value);

// The schema of the answer to method path with status (application/json), from the document.
nlohmann::json response_schema(nlohmann::json const& document, std::string const& path,
    std::string const& method, int status);

} // namespace machiba::tests

// Schema checking for the API tests.
#include "tests/api/openapi_schema.hpp"

namespace machiba::tests {

namespace {

using nlohmann::json;

json const& resolve(json const& document, json const& schema)
{
    if (!schema.contains("$ref"))
        return schema;
    std::string reference = schema["$ref"];
    return document.at(json::json_pointer(reference.substr(1)));
}

bool has_type(json const& value, std::string const& type)
{
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "string")
        return value.is_string();
    if (type == "integer")
        return value.is_number_integer();
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    return false;
}

void check(json const& document, json const& raw_schema, json const& value,
    std::string const& pointer, std::vector<std::string>& out)
{
    json const& schema = resolve(document, raw_schema);
    if (value.is_null() && schema.value("nullable", false))
        return;

    if (schema.contains("allOf")) {
        for (auto const& part : schema["allOf"])
            check(document, part, value, pointer, out);
    }
    if (schema.contains("oneOf")) {
        int fits = 0;
        for (auto const& part : schema["oneOf"]) {
            std::vector<std::string> inner;
            check(document, part, value, pointer, inner);
            fits += inner.empty();
        }
        if (fits != 1)
            out.push_back(pointer + ": fits " + std::to_string(fits) + " of oneOf");
    }
    if (schema.contains("type") && !has_type(value, schema["type"])) {
        out.push_back(pointer + ": not " + schema["type"].get<std::string>() + ": " +
            value.dump());
        return;
    }
    if (schema.contains("enum")) {
        bool listed = false;
        for (auto const& option : schema["enum"])
            listed = listed || option == value;
        if (!listed)
            out.push_back(pointer + ": " + value.dump() + " is not in the enum");
    }
    if (value.is_object()) {
        for (auto const& name : schema.value("required", json::array())) {
            if (!value.contains(name.get<std::string>()))
                out.push_back(pointer + ": lacks " + name.get<std::string>());
        }
        auto properties = schema.value("properties", json::object());
        for (auto const& [name, member] : value.items()) {
            if (properties.contains(name))
                check(document, properties[name], member, pointer + "/" + name, out);
            else if (schema.contains("additionalProperties") &&
                schema["additionalProperties"].is_object())
                check(document, schema["additionalProperties"], member, pointer + "/" + name,
                    out);
            else if (schema.contains("additionalProperties") &&
                schema["additionalProperties"] == false)
                out.push_back(pointer + ": unexpected member " + name);
        }
    }
    if (value.is_array() && schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i)
            check(document, schema["items"], value[i], pointer + "/" + std::to_string(i), out);
    }
}

} // namespace

std::vector<std::string> schema_mismatches(json const& document, json const& schema,
    json const& value)
{
    std::vector<std::string> out;
    check(document, schema, value, "", out);
    return out;
}

json response_schema(json const& document, std::string const& path, std::string const& method,
    int status)
{
    auto const& response = document.at("paths").at(path).at(method).at("responses").at(
        std::to_string(status));
    return response.at("content").at("application/json").at("schema");
}

} // namespace machiba::tests

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/JsonNode.h"

#include "core/parse/JsonTokenizer.h"

namespace sasquatch {

const JsonNode *JsonNode::member(const QString &name) const
{
    if (type != Type::Object)
        return nullptr;
    for (const JsonNode &c : children)
        if (c.key == name)
            return &c;
    return nullptr;
}

double JsonNode::toDouble() const
{
    switch (type) {
    case Type::Int:
        return double(intValue);
    case Type::UInt:
        return double(uintValue);
    case Type::Double:
        return doubleValue;
    default:
        return 0.0;
    }
}

QString JsonNode::typeName() const
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("boolean");
    case Type::Int:
    case Type::UInt:
    case Type::Double:
        return QStringLiteral("number");
    case Type::String:
        return QStringLiteral("string");
    case Type::Array:
        return QStringLiteral("array");
    case Type::Object:
        return QStringLiteral("object");
    }
    return {};
}

bool parseJsonDocument(const QByteArray &bytes, JsonNode &root, JsonParseError &error, JsonDialect dialect)
{
    JsonTokenizer tokenizer;
    tokenizer.setAllowNonFinite(dialect == JsonDialect::Python);
    // A single string value larger than this is not a metric.
    tokenizer.setMaxStringBytes(std::size_t(1) << 20);
    tokenizer.setInput(bytes.constData(), std::size_t(bytes.size()));
    tokenizer.finishInput();
    std::vector<JsonNode *> stack;
    QString pendingKey;
    bool haveRoot = false;
    for (;;) {
        const auto token = tokenizer.next();
        using T = JsonTokenizer::Token;
        if (token == T::Error) {
            error.message = QStringLiteral("invalid JSON: %1").arg(QString::fromStdString(tokenizer.errorMessage()));
            error.line = tokenizer.errorLine();
            error.column = std::uint32_t(tokenizer.errorColumn());
            return false;
        }
        if (token == T::End || token == T::NeedMore)
            break;
        if (token == T::Key) {
            pendingKey = QString::fromUtf8(tokenizer.text().data(), qsizetype(tokenizer.text().size()));
            continue;
        }
        if (token == T::ObjectEnd || token == T::ArrayEnd) {
            stack.pop_back();
            continue;
        }
        if (stack.empty() && haveRoot) {
            error.message = QStringLiteral("invalid JSON: more than one top-level value");
            error.line = tokenizer.tokenLine();
            error.column = std::uint32_t(tokenizer.tokenColumn());
            return false;
        }
        JsonNode node;
        node.line = tokenizer.tokenLine();
        node.column = std::uint32_t(tokenizer.tokenColumn());
        switch (token) {
        case T::ObjectBegin:
            node.type = JsonNode::Type::Object;
            break;
        case T::ArrayBegin:
            node.type = JsonNode::Type::Array;
            break;
        case T::String:
            node.type = JsonNode::Type::String;
            node.text = QString::fromUtf8(tokenizer.text().data(), qsizetype(tokenizer.text().size()));
            break;
        case T::Number:
            switch (tokenizer.numberKind()) {
            case JsonTokenizer::NumberKind::Int64:
                node.type = JsonNode::Type::Int;
                node.intValue = tokenizer.int64Value();
                break;
            case JsonTokenizer::NumberKind::UInt64:
                node.type = JsonNode::Type::UInt;
                node.uintValue = tokenizer.uint64Value();
                break;
            default:
                node.type = JsonNode::Type::Double;
                node.doubleValue = tokenizer.doubleValue();
                break;
            }
            break;
        case T::True:
        case T::False:
            node.type = JsonNode::Type::Bool;
            node.boolValue = token == T::True;
            break;
        default:
            node.type = JsonNode::Type::Null;
            break;
        }
        JsonNode *placed = nullptr;
        if (stack.empty()) {
            root = std::move(node);
            placed = &root;
            haveRoot = true;
        } else {
            JsonNode *parent = stack.back();
            if (parent->type == JsonNode::Type::Object)
                node.key = pendingKey;
            parent->children.push_back(std::move(node));
            placed = &parent->children.back();
        }
        if (placed->type == JsonNode::Type::Object || placed->type == JsonNode::Type::Array)
            stack.push_back(placed);
    }
    if (!haveRoot) {
        error.message = QStringLiteral("empty file: no JSON value");
        return false;
    }
    return true;
}

} // namespace sasquatch

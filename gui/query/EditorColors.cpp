// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/EditorColors.h"

#include <QCoreApplication>
#include <QPalette>

namespace sasquatch {

EditorColors EditorColors::dark()
{
    EditorColors c;
    c.text = QColor(0xd8, 0xde, 0xe6);
    c.keyword = QColor(0xc7, 0x92, 0xea);   // violet
    c.function = QColor(0x82, 0xaa, 0xff);  // blue
    c.property = QColor(0xb4, 0xc2, 0xd4);
    c.parameter = QColor(0xe6, 0xb4, 0x73); // amber
    c.constant = QColor(0xff, 0x9c, 0xac);
    c.string = QColor(0xa8, 0xd8, 0x8a);    // green
    c.escape = QColor(0x89, 0xdd, 0xff);
    c.number = QColor(0xf7, 0x8c, 0x6c);    // orange
    c.duration = QColor(0xff, 0xb8, 0x6b);
    c.dateTime = QColor(0xf0, 0xa0, 0x8c);
    c.regex = QColor(0xff, 0x8f, 0xb8);
    c.comment = QColor(0x7d, 0x88, 0x99);
    c.op = QColor(0x89, 0xdd, 0xff);        // cyan: |> stands out
    c.punctuation = QColor(0x9a, 0xa5, 0xb4);
    c.quotedIdentifier = QColor(0xec, 0xc4, 0x8d);
    c.invalid = QColor(0xff, 0x6b, 0x6b);
    c.currentLine = QColor(0x1e, 0x24, 0x2c);
    c.bracketMatch = QColor(0x33, 0x5e, 0x78);
    c.bracketMismatch = QColor(0x6a, 0x2a, 0x30);
    c.errorLine = QColor(0x3a, 0x1c, 0x22);
    c.errorUnderline = QColor(0xff, 0x5c, 0x5c);
    c.gutterBackground = QColor(0x13, 0x17, 0x1c);
    c.gutterText = QColor(0x55, 0x60, 0x6e);
    c.gutterCurrentText = QColor(0xc0, 0xc8, 0xd2);
    c.gutterSeparator = QColor(0x24, 0x2a, 0x33);
    return c;
}

EditorColors EditorColors::light()
{
    EditorColors c;
    c.text = QColor(0x24, 0x29, 0x2e);
    c.keyword = QColor(0x8a, 0x2b, 0xb0);
    c.function = QColor(0x1f, 0x5f, 0xbf);
    c.property = QColor(0x3d, 0x4a, 0x5a);
    c.parameter = QColor(0x95, 0x5a, 0x00);
    c.constant = QColor(0xb3, 0x1d, 0x5a);
    c.string = QColor(0x2a, 0x7a, 0x1e);
    c.escape = QColor(0x00, 0x7a, 0x99);
    c.number = QColor(0xb3, 0x4a, 0x00);
    c.duration = QColor(0xa0, 0x5a, 0x00);
    c.dateTime = QColor(0xa3, 0x3d, 0x2b);
    c.regex = QColor(0xb0, 0x2a, 0x6a);
    c.comment = QColor(0x6a, 0x73, 0x7d);
    c.op = QColor(0x00, 0x6d, 0x8f);
    c.punctuation = QColor(0x55, 0x5f, 0x6b);
    c.quotedIdentifier = QColor(0x8a, 0x5a, 0x00);
    c.invalid = QColor(0xcc, 0x1f, 0x1f);
    c.currentLine = QColor(0xf2, 0xf5, 0xf9);
    c.bracketMatch = QColor(0xc8, 0xe1, 0xf0);
    c.bracketMismatch = QColor(0xf6, 0xc6, 0xc6);
    c.errorLine = QColor(0xfd, 0xec, 0xec);
    c.errorUnderline = QColor(0xd0, 0x21, 0x21);
    c.gutterBackground = QColor(0xf6, 0xf8, 0xfa);
    c.gutterText = QColor(0x9a, 0xa3, 0xad);
    c.gutterCurrentText = QColor(0x24, 0x29, 0x2e);
    c.gutterSeparator = QColor(0xe1, 0xe4, 0xe8);
    return c;
}

EditorColors EditorColors::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? dark() : light();
}

QColor EditorColors::forToken(TokenKind kind) const
{
    switch (kind) {
    case TokenKind::Comment: return comment;
    case TokenKind::String: return string;
    case TokenKind::StringEscape:
    case TokenKind::Interpolation: return escape;
    case TokenKind::Identifier: return text;
    case TokenKind::QuotedIdentifier: return quotedIdentifier;
    case TokenKind::Keyword: return keyword;
    case TokenKind::Function: return function;
    case TokenKind::Property: return property;
    case TokenKind::Parameter: return parameter;
    case TokenKind::Constant: return constant;
    case TokenKind::Number: return number;
    case TokenKind::Duration: return duration;
    case TokenKind::DateTime: return dateTime;
    case TokenKind::Regex: return regex;
    case TokenKind::Operator: return op;
    case TokenKind::Punctuation:
    case TokenKind::OpenBracket:
    case TokenKind::CloseBracket: return punctuation;
    case TokenKind::BindParameter: return parameter;
    case TokenKind::Invalid: return invalid;
    }
    return text;
}

QColor EditorColors::forKind(CompletionKind kind) const
{
    switch (kind) {
    case CompletionKind::Function: return function;
    case CompletionKind::Keyword: return keyword;
    case CompletionKind::Bucket:
    case CompletionKind::Database:
    case CompletionKind::RetentionPolicy: return number;
    case CompletionKind::Measurement: return duration;
    case CompletionKind::Field: return string;
    case CompletionKind::Tag:
    case CompletionKind::TagValue: return escape;
    case CompletionKind::Column: return property;
    case CompletionKind::Parameter: return parameter;
    case CompletionKind::Package: return keyword;
    case CompletionKind::Variable: return text;
    case CompletionKind::Constant: return constant;
    }
    return text;
}

QString completionKindBadge(CompletionKind kind)
{
    switch (kind) {
    case CompletionKind::Function: return QStringLiteral("ƒ");
    case CompletionKind::Keyword: return QStringLiteral("K");
    case CompletionKind::Bucket: return QStringLiteral("B");
    case CompletionKind::Database: return QStringLiteral("D");
    case CompletionKind::RetentionPolicy: return QStringLiteral("R");
    case CompletionKind::Measurement: return QStringLiteral("M");
    case CompletionKind::Field: return QStringLiteral("F");
    case CompletionKind::Tag: return QStringLiteral("T");
    case CompletionKind::TagValue: return QStringLiteral("V");
    case CompletionKind::Column: return QStringLiteral("C");
    case CompletionKind::Parameter: return QStringLiteral("P");
    case CompletionKind::Package: return QStringLiteral("{}");
    case CompletionKind::Variable: return QStringLiteral("x");
    case CompletionKind::Constant: return QStringLiteral("c");
    }
    return QStringLiteral("?");
}

QString completionKindName(CompletionKind kind)
{
    switch (kind) {
    case CompletionKind::Function: return QCoreApplication::translate("CodeEditor", "function");
    case CompletionKind::Keyword: return QCoreApplication::translate("CodeEditor", "keyword");
    case CompletionKind::Bucket: return QCoreApplication::translate("CodeEditor", "bucket");
    case CompletionKind::Database: return QCoreApplication::translate("CodeEditor", "database");
    case CompletionKind::RetentionPolicy: return QCoreApplication::translate("CodeEditor", "retention policy");
    case CompletionKind::Measurement: return QCoreApplication::translate("CodeEditor", "measurement");
    case CompletionKind::Field: return QCoreApplication::translate("CodeEditor", "field");
    case CompletionKind::Tag: return QCoreApplication::translate("CodeEditor", "tag key");
    case CompletionKind::TagValue: return QCoreApplication::translate("CodeEditor", "tag value");
    case CompletionKind::Column: return QCoreApplication::translate("CodeEditor", "column");
    case CompletionKind::Parameter: return QCoreApplication::translate("CodeEditor", "parameter");
    case CompletionKind::Package: return QCoreApplication::translate("CodeEditor", "package");
    case CompletionKind::Variable: return QCoreApplication::translate("CodeEditor", "variable");
    case CompletionKind::Constant: return QCoreApplication::translate("CodeEditor", "constant");
    }
    return {};
}

} // namespace sasquatch

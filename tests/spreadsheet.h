#pragma once
// The oracle of the formula-defence tests: what a spreadsheet does with a CSV cell, written independently
// of the exporters, and the formula-like texts that every export must neutralise.
#include <QRegularExpression>
#include <QString>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mbtest {

// A spreadsheet skips leading whitespace and control characters and evaluates what starts with = + - @,
// unless the cell starts with ' (text) or is a plain number ("-5", "1e-05").
inline bool spreadsheetEvaluates(std::string_view cell)
{
    if (!cell.empty() && cell[0] == '\'') return false;
    size_t i = 0;
    while (i < cell.size() && (static_cast<unsigned char>(cell[i]) <= 0x20 || cell[i] == 0x7F)) ++i;
    if (i == cell.size() || std::string_view("=+-@").find(cell[i]) == std::string_view::npos) return false;
    static const QRegularExpression number(QStringLiteral("^\\s*[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\s*$"));
    return !number.match(QString::fromStdString(std::string(cell))).hasMatch();
}

// Control characters spelled out, for failure messages.
inline QString visible(std::string_view s)
{
    return QString::fromStdString(std::string(s)).replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n").replace('\x01', "\\x01");
}

// (row name, text): each prefix alone and led by TAB, CR, LF, spaces or another control character.
inline const std::vector<std::pair<const char *, std::string>> &formulaTexts()
{
    static const std::vector<std::pair<const char *, std::string>> texts = {
        {"=", "=1+1"},         {"+", "+1+1"},         {"-", "-1+1"},       {"@", "@SUM(A1)"},
        {"TAB =", "\t=1+1"},   {"CR @", "\r@SUM(A1)"}, {"LF +", "\n+1+1"},  {"space -", " -1+1"},
        {"TAB CR space =", "\t\r =HYPERLINK(\"http://x\")"}, {"control =", "\x01=1+1"},
    };
    return texts;
}

// True when cell is text guarded with a leading ' (possibly followed by more text, as in "'=1+1 -> CARD").
inline bool guards(std::string_view cell, const std::string &text)
{
    return cell.size() > text.size() && cell[0] == '\'' && cell.substr(1, text.size()) == text;
}

}  // namespace mbtest

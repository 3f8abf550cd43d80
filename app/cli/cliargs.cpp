#include "cliargs.h"

#include <charconv>

namespace mb::cli {

CliArgs::CliArgs(std::vector<std::string> args, std::set<std::string> valueOptions, std::set<std::string> flags)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        const auto eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (flags.count(name)) {
            if (inlineValue) { error_ = "option --" + name + " takes no value"; return; }
            flags_.insert(name);
        } else if (valueOptions.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) { error_ = "option --" + name + " needs a value"; return; }
                value = args[++i];
            }
            values_.emplace_back(name, value);
        } else {
            error_ = "unknown option --" + name;
            return;
        }
    }
}

std::optional<std::string> CliArgs::value(const std::string &name) const
{
    for (auto it = values_.rbegin(); it != values_.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::vector<std::string> CliArgs::values(const std::string &name) const
{
    std::vector<std::string> out;
    for (const auto &[n, v] : values_)
        if (n == name) out.push_back(v);
    return out;
}

double CliArgs::number(const std::string &name, double fallback)
{
    const auto v = value(name);
    if (!v) return fallback;
    double d = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
    if (ec != std::errc() || p != v->data() + v->size()) {
        error_ = "option --" + name + ": expected a number, got \"" + *v + "\"";
        return fallback;
    }
    return d;
}

long long CliArgs::integer(const std::string &name, long long fallback)
{
    const auto v = value(name);
    if (!v) return fallback;
    long long n = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || p != v->data() + v->size()) {
        error_ = "option --" + name + ": expected a whole number, got \"" + *v + "\"";
        return fallback;
    }
    return n;
}

}  // namespace mb::cli

#pragma once
// Command-line arguments after the command name: "--name value", "--name=value", flags and positionals.
// Unknown options are usage errors (exit 1), so a typo never silently changes what a script does.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mb::cli {

class CliArgs {
public:
    CliArgs(std::vector<std::string> args, std::set<std::string> valueOptions, std::set<std::string> flags);

    bool ok() const { return error_.empty(); }
    const std::string &error() const { return error_; }
    bool flag(const std::string &name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string &name) const;
    // Every value of a repeatable option, in the order given.
    std::vector<std::string> values(const std::string &name) const;
    const std::vector<std::string> &positional() const { return positional_; }

    // Parses a numeric option; on a bad value sets error() and returns the fallback.
    double number(const std::string &name, double fallback);
    long long integer(const std::string &name, long long fallback);

private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

}  // namespace mb::cli

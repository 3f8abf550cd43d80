// Any bytes as a relations CSV (`relations import`), lenient and strict, into a workspace inside a
// rolled-back transaction: never a crash; a strict import with rejects changes nothing; and what the
// workspace then exports must import again without a single reject.
#include "core/maps/relationcsv.h"
#include "fuzz/fuzzsupport.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mbfuzz::InputFile input("relations.csv");
    mb::Workspace &ws = mbfuzz::workspace();
    const std::string &path = input.write(data, size);
    mbfuzz::RolledBack rollback;
    const int64_t before = mbfuzz::count("SELECT count(*) FROM relations");
    const mb::RelationImportReport strict = mb::importRelationsCsv(ws, path, true);
    if (strict.ok != strict.error.empty() || (strict.ok && !strict.rejects.empty())) std::abort();
    if (!strict.ok && mbfuzz::count("SELECT count(*) FROM relations") != before) std::abort();
    if (strict.ok) return 0;
    const mb::RelationImportReport lenient = mb::importRelationsCsv(ws, path, false);
    if (lenient.ok != lenient.error.empty()) std::abort();
    if (lenient.ok && int64_t(lenient.rejects.size()) + lenient.added + lenient.updated > lenient.rowsRead + 1) std::abort();
    if (lenient.ok && mbfuzz::count("SELECT count(*) FROM relations") != before + lenient.added) std::abort();
    const std::string exported = mb::exportRelationsCsv(ws);
    static mbfuzz::InputFile round("relations-again.csv");
    const mb::RelationImportReport again = mb::importRelationsCsv(ws, round.write(exported), true);
    if (!again.ok || !again.rejects.empty() || again.added != 0) std::abort();
    return 0;
}

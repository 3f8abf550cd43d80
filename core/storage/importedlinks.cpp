#include "core/storage/importedlinks.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

namespace mb {

std::vector<ImportedLink> importedLinks(const Workspace &ws)
{
    std::vector<ImportedLink> out;
    Statement s(ws.db(), R"sql(
SELECT ir.anchor_sku, ir.target_sku, ir.platform_type, coalesce(i.format, ''), ir.position
FROM imported_relations ir LEFT JOIN imports i ON i.id = ir.import_id
ORDER BY ir.anchor_sku, ir.platform_type, ir.position, ir.id)sql");
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), int(s.int64(4))});
    return out;
}

}  // namespace mb

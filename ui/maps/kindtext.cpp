#include "ui/maps/kindtext.h"

#include <QCoreApplication>

namespace mb {

QString kindTitle(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Necessity: return QCoreApplication::translate("mb::Kind", "Necessity");
    case RelationKind::Enhancement: return QCoreApplication::translate("mb::Kind", "Enhancement");
    case RelationKind::Accessory: return QCoreApplication::translate("mb::Kind", "Accessory");
    case RelationKind::Consumable: return QCoreApplication::translate("mb::Kind", "Consumable");
    case RelationKind::Upgrade: return QCoreApplication::translate("mb::Kind", "Upgrade");
    }
    return {};
}

QString kindPlural(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Necessity: return QCoreApplication::translate("mb::Kind", "Necessities");
    case RelationKind::Enhancement: return QCoreApplication::translate("mb::Kind", "Enhancements");
    case RelationKind::Accessory: return QCoreApplication::translate("mb::Kind", "Accessories");
    case RelationKind::Consumable: return QCoreApplication::translate("mb::Kind", "Consumables");
    case RelationKind::Upgrade: return QCoreApplication::translate("mb::Kind", "Upgrades");
    }
    return {};
}

QString kindHint(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Necessity: return QCoreApplication::translate("mb::Kind", "Needed to use it (batteries, ink)");
    case RelationKind::Enhancement: return QCoreApplication::translate("mb::Kind", "Makes it better (screen protector, strap)");
    case RelationKind::Accessory: return QCoreApplication::translate("mb::Kind", "Commonly bought with it (case, scarf)");
    case RelationKind::Consumable: return QCoreApplication::translate("mb::Kind", "Used up and re-bought (filters, pods)");
    case RelationKind::Upgrade: return QCoreApplication::translate("mb::Kind", "The better model one step up (upsell)");
    }
    return {};
}

}  // namespace mb

#include "ui/preview/previewtext.h"

#include <QCoreApplication>

namespace mb {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("mb::Preview", s); }
}  // namespace

QColor kindColor(RelationKind kind)
{
    // Distinct at a glance and dark enough for white badge text (contrast >= 4.5:1).
    switch (kind) {
    case RelationKind::Necessity: return QColor(0xB0, 0x3A, 0x2E);
    case RelationKind::Enhancement: return QColor(0x6A, 0x4C, 0x93);
    case RelationKind::Accessory: return QColor(0x1F, 0x62, 0xA8);
    case RelationKind::Consumable: return QColor(0x2E, 0x7D, 0x32);
    case RelationKind::Upgrade: return QColor(0xA8, 0x5A, 0x00);
    }
    return Qt::darkGray;
}

QString placementTitle(Placement p)
{
    switch (p) {
    case Placement::ProductPage: return tr("Product page");
    case Placement::Cart: return tr("Cart");
    case Placement::Checkout: return tr("Checkout");
    case Placement::PostPurchase: return tr("Post-purchase e-mail");
    }
    return {};
}

QString placementSubtitle(Placement p)
{
    switch (p) {
    case Placement::ProductPage: return tr("Beside the product: what goes with it, and the model one step up");
    case Placement::Cart: return tr("In the cart: small add-ons that fit the basket");
    case Placement::Checkout: return tr("Last step before paying: cheap must-haves only");
    case Placement::PostPurchase: return tr("The follow-up e-mail: add-ons and refills, on their day");
    }
    return {};
}

QString ruleTitle(LeftOutRule rule)
{
    switch (rule) {
    case LeftOutRule::KindNotAllowed: return tr("Kind not shown here");
    case LeftOutRule::Duplicate: return tr("Duplicate");
    case LeftOutRule::InCart: return tr("Already in the cart");
    case LeftOutRule::NotRecommendable: return tr("Not recommendable");
    case LeftOutRule::OutOfStock: return tr("Out of stock");
    case LeftOutRule::LowStock: return tr("Low stock");
    case LeftOutRule::AlreadyBought: return tr("Already bought");
    case LeftOutRule::NotDueYet: return tr("Not due again yet");
    case LeftOutRule::Margin: return tr("Margin too low");
    case LeftOutRule::PriceBand: return tr("Outside the upsell band");
    case LeftOutRule::CartShare: return tr("Over the cart share");
    case LeftOutRule::PriceCap: return tr("Over the checkout cap");
    case LeftOutRule::Cannibalisation: return tr("Cheaper substitute");
    case LeftOutRule::Family: return tr("Family already shown");
    case LeftOutRule::NoSlot: return tr("No slot left");
    }
    return {};
}

QString sourceTitle(PickSource source)
{
    switch (source) {
    case PickSource::Curated: return tr("curated");
    case PickSource::Imported: return tr("imported");
    case PickSource::Mined: return tr("mined");
    case PickSource::Fallback: return tr("best seller");
    }
    return {};
}

}  // namespace mb

#include "ui/preview/recommendationcard.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"
#include "ui/maps/kindtext.h"
#include "ui/preview/previewtext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace mb {

namespace {

QLabel *smallLabel(const QString &text, QWidget *parent, double scale = 0.88)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    l->setFont(f);
    return l;
}

}  // namespace

RecommendationCard::RecommendationCard(const Snapshot &snapshot, const Recommendation &pick, QWidget *parent)
    : QFrame(parent), kind_(pick.kind), source_(pick.source), sendDay_(pick.sendDay)
{
    const SnapshotProduct &p = snapshot.products[pick.product];
    sku_ = fmt::str(p.sku);
    for (const Reason &r : pick.reasons) reasons_ << fmt::str(r.text);

    const QColor accent = kindColor(kind_);
    setObjectName(QStringLiteral("recommendationCard"));
    // The kind's colour as a stripe down the left edge: the columns read by kind at a glance.
    setStyleSheet(QStringLiteral("#recommendationCard { background: palette(base); border: 1px solid #d5d9e0; border-left: 4px solid %1;"
                                 " border-radius: 6px; }")
                      .arg(accent.name()));
    setCursor(Qt::PointingHandCursor);

    badge_ = smallLabel(badgeText(), this, 0.8);
    badge_->setStyleSheet(QStringLiteral("background: %1; color: white; border-radius: 3px; padding: 1px 6px; font-weight: 600;").arg(accent.name()));
    badge_->setToolTip(kindHint(kind_));
    auto *source = smallLabel(sourceTitle(source_), this, 0.8);
    source->setObjectName(QStringLiteral("sourceTag"));
    source->setStyleSheet(QStringLiteral("color: #5f6670; border: 1px solid #c9ced6; border-radius: 3px; padding: 0px 5px;"));
    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(badge_);
    top->addStretch(1);
    top->addWidget(source);

    title_ = new QLabel(fmt::str(p.title), this);
    title_->setWordWrap(true);
    QFont tf = title_->font();
    tf.setBold(true);
    title_->setFont(tf);
    title_->setTextInteractionFlags(Qt::NoTextInteraction);

    auto *price = new QLabel(fmt::money(p.price), this);
    QFont pf = price->font();
    pf.setPointSizeF(pf.pointSizeF() * 1.2);
    pf.setBold(true);
    price->setFont(pf);
    auto *skuLabel = smallLabel(sku_, this, 0.8);
    skuLabel->setStyleSheet(QStringLiteral("color: #7a808a;"));
    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(price);
    priceRow->addStretch(1);
    priceRow->addWidget(skuLabel, 0, Qt::AlignBottom);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(10, 8, 10, 8);
    l->setSpacing(4);
    l->addLayout(top);
    l->addWidget(title_);
    l->addLayout(priceRow);
    if (!pick.pitch.empty()) {
        auto *pitch = new QLabel(QStringLiteral("“%1”").arg(fmt::str(pick.pitch)), this);
        pitch->setObjectName(QStringLiteral("pitch"));
        pitch->setWordWrap(true);
        QFont f = pitch->font();
        f.setItalic(true);
        pitch->setFont(f);
        pitch->setStyleSheet(QStringLiteral("color: #3d434c;"));
        l->addWidget(pitch);
    }
    sendDayLabel_ = smallLabel(sendDayText(), this);
    sendDayLabel_->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;").arg(accent.name()));
    sendDayLabel_->setWordWrap(true);   // "✉ Refill reminder on day 30 after the order" is wider than a narrow column
    sendDayLabel_->setVisible(sendDay_ >= 0);
    l->addWidget(sendDayLabel_);

    why_ = smallLabel(QString(), this, 0.85);
    why_->setStyleSheet(QStringLiteral("color: #1f62a8;"));
    l->addWidget(why_);
    QStringList items;
    for (const QString &r : std::as_const(reasons_)) items << QStringLiteral("• ") + r.toHtmlEscaped();
    reasonsLabel_ = smallLabel(items.join(QStringLiteral("<br>")), this, 0.85);
    reasonsLabel_->setTextFormat(Qt::RichText);
    reasonsLabel_->setWordWrap(true);
    reasonsLabel_->setStyleSheet(QStringLiteral("color: #3d434c;"));
    l->addWidget(reasonsLabel_);

    QStringList tip;
    for (const QString &r : std::as_const(reasons_)) tip << QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
    setToolTip(QStringLiteral("<b>%1</b> — %2<ul style='margin-left:12px'>%3</ul>")
                   .arg(fmt::str(p.title).toHtmlEscaped(), kindTitle(kind_).toLower(), tip.join(QString())));
    setExpanded(false);
}

QString RecommendationCard::title() const { return title_->text(); }

QString RecommendationCard::badgeText() const { return kindTitle(kind_).toUpper(); }

QString RecommendationCard::sendDayText() const
{
    if (sendDay_ < 0) return {};
    return kind_ == RelationKind::Consumable ? tr("✉ Refill reminder on day %1 after the order").arg(sendDay_)
                                             : tr("✉ Sent on day %1 after the order").arg(sendDay_);
}

bool RecommendationCard::isExpanded() const { return !reasonsLabel_->isHidden(); }

void RecommendationCard::setExpanded(bool expanded)
{
    const bool was = isExpanded();
    reasonsLabel_->setVisible(expanded && !reasons_.isEmpty());
    why_->setText(reasons_.isEmpty() ? QString()
                  : expanded         ? tr("▾ Why it was picked")
                  : reasons_.size() == 1 ? tr("▸ Why it was picked (1 reason)")
                                         : tr("▸ Why it was picked (%1 reasons)").arg(reasons_.size()));
    why_->setVisible(!reasons_.isEmpty());
    if (was != isExpanded()) Q_EMIT expandedChanged(isExpanded());
}

void RecommendationCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) setExpanded(!isExpanded());
    QFrame::mouseReleaseEvent(event);
}

}  // namespace mb

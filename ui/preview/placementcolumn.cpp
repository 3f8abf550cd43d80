#include "ui/preview/placementcolumn.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"
#include "ui/preview/leftoutlist.h"
#include "ui/preview/leftoutmodel.h"
#include "ui/preview/previewtext.h"
#include "ui/preview/recommendationcard.h"

#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace mb {

PlacementColumn::PlacementColumn(Placement placement, QWidget *parent)
    : QFrame(parent), placement_(placement), status_(new QLabel(this)), message_(new QLabel(this)), cardLayout_(new QVBoxLayout),
      leftOutToggle_(new QToolButton(this)), leftOutModel_(new LeftOutModel(this)), leftOutList_(new LeftOutList(this))
{
    setObjectName(QStringLiteral("placementColumn"));
    setStyleSheet(QStringLiteral("#placementColumn { background: #f4f6f9; border: 1px solid #e1e5ea; border-radius: 8px; }"));
    setMinimumWidth(230);

    auto *title = new QLabel(placementTitle(placement), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.25);
    tf.setBold(true);
    title->setFont(tf);
    auto *subtitle = new QLabel(placementSubtitle(placement), this);
    subtitle->setWordWrap(true);
    subtitle->setStyleSheet(QStringLiteral("color: #5f6670;"));
    QFont sf = subtitle->font();
    sf.setPointSizeF(sf.pointSizeF() * 0.88);
    subtitle->setFont(sf);
    status_->setFont(sf);
    status_->setWordWrap(true);
    status_->setStyleSheet(QStringLiteral("color: #3d434c; font-weight: 600;"));
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    message_->setStyleSheet(QStringLiteral("color: #5f6670; padding: 18px 6px;"));

    cardLayout_->setSpacing(8);
    cardLayout_->setContentsMargins(0, 0, 0, 0);

    leftOutToggle_->setCheckable(true);
    leftOutToggle_->setChecked(true);
    leftOutToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    leftOutToggle_->setAutoRaise(true);
    leftOutToggle_->setToolTip(tr("Candidates this placement did not show, with the rule that removed each"));
    connect(leftOutToggle_, &QToolButton::toggled, this, [this](bool on) {
        leftOutList_->setVisible(on && leftOutModel_->rowCount() > 0);
        updateLeftOutToggle();
    });
    leftOutList_->setModel(leftOutModel_);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(10, 10, 10, 10);
    l->setSpacing(6);
    l->addWidget(title);
    l->addWidget(subtitle);
    l->addWidget(status_);
    l->addSpacing(4);
    l->addWidget(message_);
    l->addLayout(cardLayout_);
    l->addSpacing(6);
    l->addWidget(leftOutToggle_);
    l->addWidget(leftOutList_);
    l->addStretch(1);
    showMessage(QString());
}

void PlacementColumn::clearCards()
{
    for (RecommendationCard *c : std::as_const(cards_)) delete c;
    cards_.clear();
}

void PlacementColumn::setResult(const Snapshot &snapshot, const RecommendResult &result, const PlacementPolicy &policy)
{
    setUpdatesEnabled(false);
    clearCards();
    if (!result.error.empty()) {
        leftOutModel_->clear();
        status_->clear();
        message_->setText(fmt::str(result.error));
        message_->show();
    } else {
        for (const Recommendation &pick : result.picks) {
            auto *card = new RecommendationCard(snapshot, pick, this);
            cardLayout_->addWidget(card);
            cards_ << card;
        }
        QString status = tr("%1 of %2 slots · %3").arg(result.picks.size()).arg(policy.slots).arg(QString::fromLatin1(strategyName(policy.strategy)));
        if (placement_ != Placement::ProductPage && result.cartSubtotal > 0) status += tr(" · cart %1").arg(fmt::money(result.cartSubtotal));
        status_->setText(status);
        message_->setText(result.fallback ? tr("Nothing from the maps or the history qualified: these are best sellers of the category.")
                          : result.picks.empty() ? tr("Nothing qualifies for this placement.")
                                                 : QString());
        message_->setVisible(!message_->text().isEmpty());
        leftOutModel_->setLeftOut(snapshot, result.leftOut);
    }
    leftOutList_->setVisible(leftOutToggle_->isChecked() && leftOutModel_->rowCount() > 0);
    updateLeftOutToggle();
    setUpdatesEnabled(true);
}

void PlacementColumn::showMessage(const QString &message)
{
    clearCards();
    leftOutModel_->clear();
    status_->clear();
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    leftOutList_->hide();
    updateLeftOutToggle();
}

void PlacementColumn::updateLeftOutToggle()
{
    const int n = leftOutModel_->rowCount();
    leftOutToggle_->setVisible(n > 0);
    leftOutToggle_->setArrowType(leftOutToggle_->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    leftOutToggle_->setText(tr("Left out (%1)").arg(n));
}

QString PlacementColumn::statusText() const { return status_->text(); }
QString PlacementColumn::messageText() const { return message_->isHidden() ? QString() : message_->text(); }

}  // namespace mb

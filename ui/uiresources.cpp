#include "ui/uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initMerchbenchResources() { Q_INIT_RESOURCE(merchbench); }

namespace mb {

void initUiResources() { initMerchbenchResources(); }

}  // namespace mb

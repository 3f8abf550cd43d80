#pragma once
// The icons are compiled into the static mbui library; a static library's resources must be registered
// explicitly by whoever links it (the app and the tests).
namespace mb {

void initUiResources();

}  // namespace mb

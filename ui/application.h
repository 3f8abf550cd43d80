#pragma once
// The desktop application's entry point: command line, style, first start, and the --screenshot mode
// that renders a view offscreen and exits.
namespace mb {

int runMerchbench(int argc, char *argv[]);

}  // namespace mb

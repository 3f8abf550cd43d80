# Build flags every Merchbench target shares, in one place (included once from the top-level CMakeLists
# before any target is declared, so add_compile_options / add_link_options reach every directory).
#
# MB_FUZZ=ON is the sanitizer build: clang only, every project target (mbcore, mbui, the programs, the
# tests) compiled with AddressSanitizer, UndefinedBehaviorSanitizer (any finding aborts) and libFuzzer's
# coverage instrumentation (fuzzer-no-link), so one build serves both the sanitizer test run and the
# coverage-guided fuzzers. The Qt Test executables are still built and registered with CTest; the fuzz
# targets become libFuzzer binaries (mb_link_fuzzer below) instead of mutation-driver tests.

option(MB_FUZZ "Sanitizer + libFuzzer build: ASan/UBSan and coverage on every target, libFuzzer fuzz targets (clang)" OFF)

add_compile_options(-Wall -Wextra -Wpedantic)
# GCC 12 reports -Wrestrict inside libstdc++'s own std::string code for correct callers (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12 AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  add_compile_options(-Wno-restrict)
endif()

set(MB_SANITIZERS "address,undefined")
if(MB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR
      "MB_FUZZ needs clang (libFuzzer and -fsanitize=fuzzer-no-link), but the C++ compiler is "
      "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}. Configure a fresh build directory with "
      "-DCMAKE_CXX_COMPILER=clang++ (Debian: apt-get install clang libclang-rt-14-dev), or see tests/sanitize.sh.")
  endif()
  add_compile_options(
    -fsanitize=fuzzer-no-link,${MB_SANITIZERS}
    -fno-sanitize-recover=undefined   # a UBSan finding aborts the test or the fuzzer instead of only printing
    -fno-omit-frame-pointer)          # whole stacks in ASan/LSan reports
  # Every executable links the ASan/UBSan runtimes (which also define the coverage callbacks as no-ops);
  # only fuzz targets add libFuzzer itself, with its main().
  add_link_options(-fsanitize=${MB_SANITIZERS})
  # lld links the ~60 instrumented executables several times faster than ld.bfd (Debian: lld).
  find_program(MB_LLD NAMES ld.lld ld.lld-14)
  if(MB_LLD)
    add_link_options(-fuse-ld=lld)
  endif()
endif()

# The widgets library's sources each pull in much of Qt Widgets; in the sanitizer build, where every
# translation unit is also instrumented, a precompiled header saves a large share of the compile time.
# (The normal build is left as it is.)
function(mb_widgets_pch target)
  if(MB_FUZZ)
    target_precompile_headers(${target} PRIVATE
      <QtWidgets> <QtConcurrent/QtConcurrentRun>
      <algorithm> <cmath> <functional> <memory> <optional> <string> <vector>)
  endif()
endfunction()

# A tests/fuzz/*_fuzz.cpp target as a libFuzzer binary (MB_FUZZ builds only).
function(mb_link_fuzzer target)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,${MB_SANITIZERS})
endfunction()

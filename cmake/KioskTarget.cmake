# Conventions every target of ours follows. Third-party headers come in as
# SYSTEM includes so -Werror applies to our code only.

set(KIOSK_WARNINGS -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)

function(kiosk_defaults target)
  target_compile_options(${target} PRIVATE ${KIOSK_WARNINGS})
  target_compile_features(${target} PUBLIC cxx_std_23)
endfunction()

# kiosk_library(NAME SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# The include root is the repository root, so headers are named by module
# path: #include "drivers/idcard/reader.hpp".
function(kiosk_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  kiosk_defaults(${name})
endfunction()

function(kiosk_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  kiosk_defaults(${name})
endfunction()

# kiosk_test(NAME LABEL unit|integration|ui SOURCES ... LIBS ... [TIMEOUT s])
# One GoogleTest executable; each TEST becomes its own ctest entry.
function(kiosk_test name)
  if(NOT KIOSK_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;LIBS;ENV" ${ARGN})
  if(NOT ARG_LABEL)
    set(ARG_LABEL unit)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
      KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}" KIOSK_BINARY_DIR="${PROJECT_BINARY_DIR}")
  kiosk_defaults(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
      PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${ARG_ENV}")
endfunction()

# kiosk_fuzzer(NAME SOURCES ... LIBS ...): a libFuzzer target, built only
# with -DKIOSK_FUZZ=ON under clang (preset "fuzz"). tools/fuzz-smoke runs
# every fuzz target briefly; tools/fuzz-long runs one for a long time.
function(kiosk_fuzzer name)
  if(NOT KIOSK_FUZZ)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/fuzz)
  kiosk_defaults(${name})
  add_dependencies(fuzzers ${name})
endfunction()

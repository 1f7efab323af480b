# Per-target settings for every CredVault target, in one place (warnings, Qt hygiene
# macros, hardening, sanitizers). Nothing here is global: a target gets them by calling
# credvault_apply_settings().

# Compiler and linker hardening for release-like builds. _FORTIFY_SOURCE needs the
# optimizer and fights AddressSanitizer's interceptors, so it is left out of Debug and
# sanitizer builds.
set(CREDVAULT_HARDENING_COMPILE
    -fstack-protector-strong
    -fstack-clash-protection
    -fcf-protection=full
    -fno-delete-null-pointer-checks
    -ftrivial-auto-var-init=zero)
set(CREDVAULT_HARDENING_LINK
    LINKER:-z,relro
    LINKER:-z,now
    LINKER:-z,noexecstack
    LINKER:--as-needed)

set(CREDVAULT_WARNINGS
    -Wall
    -Wextra
    -Wpedantic
    -Wnon-virtual-dtor
    -Woverloaded-virtual
    -Wcast-qual
    -Wformat=2
    -Wimplicit-fallthrough
    -Wmissing-declarations
    -Wundef)

set(CREDVAULT_SANITIZER_FLAGS
    -fsanitize=address,undefined
    -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)

# The libFuzzer build (CREDVAULT_FUZZ, clang only): every library is compiled with the
# fuzzer's coverage instrumentation and ASan + UBSan; the fuzz targets alone link the
# fuzzer's main (credvault_add_fuzz_target in tests/fuzz). clang 14 takes
# -ftrivial-auto-var-init=zero only behind an opt-in flag, and a fuzz build wants
# uninitialised reads to stay visible anyway, so it is left out there.
set(CREDVAULT_FUZZ_FLAGS
    -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)
if(CREDVAULT_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "CREDVAULT_FUZZ needs clang (libFuzzer): use the fuzz preset")
    endif()
    list(REMOVE_ITEM CREDVAULT_HARDENING_COMPILE -ftrivial-auto-var-init=zero)
endif()

function(credvault_apply_settings target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_options(${target} PRIVATE ${CREDVAULT_WARNINGS} ${CREDVAULT_HARDENING_COMPILE})
    if(CREDVAULT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_KEYWORDS
        QT_NO_FOREACH
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_STRICT_ITERATORS
        QT_NO_JAVA_STYLE_ITERATORS
        $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
    if(NOT CREDVAULT_SANITIZE AND NOT CREDVAULT_FUZZ)
        target_compile_definitions(${target} PRIVATE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
    endif()
    target_link_options(${target} PRIVATE ${CREDVAULT_HARDENING_LINK})
    if(CREDVAULT_SANITIZE)
        target_compile_options(${target} PRIVATE ${CREDVAULT_SANITIZER_FLAGS})
        target_link_options(${target} PRIVATE ${CREDVAULT_SANITIZER_FLAGS})
    endif()
    if(CREDVAULT_FUZZ)
        target_compile_options(${target} PRIVATE ${CREDVAULT_FUZZ_FLAGS})
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
        set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    endif()
endfunction()

# One line per test: credvault_add_test(NAME SOURCES a.cpp LIBS lib LABELS unit [ENV K=V]
# [KEYRING] [TIMEOUT s]). Every test runs through tests/run-isolated.sh, which gives it a
# fresh HOME, XDG_RUNTIME_DIR and the offscreen Qt platform, and removes them afterwards;
# KEYRING adds a private D-Bus session with an unlocked gnome-keyring.
function(credvault_add_test name)
    cmake_parse_arguments(ARG "KEYRING" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    if(NOT ARG_LABELS)
        message(FATAL_ERROR "credvault_add_test(${name}): give at least one label")
    endif()
    foreach(label IN LISTS ARG_LABELS)
        if(NOT label MATCHES "^(unit|integration|gui|slow)$")
            message(FATAL_ERROR "credvault_add_test(${name}): unknown label '${label}'")
        endif()
    endforeach()
    add_executable(${name} ${ARG_SOURCES})
    credvault_apply_settings(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
    set(wrapper ${PROJECT_SOURCE_DIR}/tests/run-isolated.sh)
    if(ARG_KEYRING)
        list(APPEND wrapper ${PROJECT_SOURCE_DIR}/tests/run-with-keyring.sh)
    endif()
    add_test(NAME ${name} COMMAND ${wrapper} $<TARGET_FILE:${name}>)
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "CREDVAULT_BIN_DIR=${CMAKE_BINARY_DIR}/bin;CREDVAULT_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;CREDVAULT_SOURCE_DIR=${PROJECT_SOURCE_DIR};CREDVAULT_SECRET_SCAN_DIR=${CREDVAULT_SECRET_SCAN_DIR};${ARG_ENV}"
        FIXTURES_REQUIRED secret_scan)
endfunction()

# The suite-wide scan for secrets in logs (tests/support/SecretScan.h): tests keep their
# servers' logs and note the secrets they use here; logs_hold_no_secret runs after them.
set(CREDVAULT_SECRET_SCAN_DIR "${CMAKE_BINARY_DIR}/Testing/secret-scan")

# The build fails when a library that must stay free of GUI code (core, server) links or
# includes QtGui/QtWidgets. Linking is checked here at configure time; includes by
# cmake/CheckNoGuiIncludes.cmake before the target compiles. Bare class headers such as
# <QWidget> already fail to compile there, since those include directories are absent.
function(credvault_forbid_gui target source_dir)
    get_target_property(libs ${target} LINK_LIBRARIES)
    foreach(lib IN LISTS libs)
        if(lib MATCHES "^Qt6?::(Gui|Widgets|OpenGL|OpenGLWidgets|Svg|Quick|PrintSupport)$"
           OR lib MATCHES "^credvault-ui$")
            message(FATAL_ERROR "${target} must not link ${lib}: it has no UI (see docs/architecture.md)")
        endif()
    endforeach()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
        ${source_dir}/*.h ${source_dir}/*.hpp ${source_dir}/*.cpp ${source_dir}/*.in)
    set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${target}-no-gui.stamp)
    add_custom_command(OUTPUT ${stamp}
        COMMAND ${CMAKE_COMMAND} -DROOT=${source_dir} -P ${PROJECT_SOURCE_DIR}/cmake/CheckNoGuiIncludes.cmake
        COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
        DEPENDS ${sources} ${PROJECT_SOURCE_DIR}/cmake/CheckNoGuiIncludes.cmake
        COMMENT "Checking that ${target} includes no QtGui/QtWidgets"
        VERBATIM)
    add_custom_target(${target}-no-gui DEPENDS ${stamp})
    add_dependencies(${target} ${target}-no-gui)
endfunction()

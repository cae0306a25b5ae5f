# The viewer's tests (tests/view/*_test.cpp), included from the top directory (deferred by
# src/view/CMakeLists.txt): each TEST_CASE becomes a CTest test labelled "view". Tests that
# need a display run the eventmap binary under xvfb-run and skip loudly without it.
find_package(Catch2 2 REQUIRED)
include(Catch)
find_package(PkgConfig REQUIRED)
file(GLOB view_tests CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/view/*_test.cpp")
add_executable(eventmap_view_tests "${PROJECT_SOURCE_DIR}/tests/test_main.cpp"
    "${PROJECT_SOURCE_DIR}/tests/support/test_support.cpp" ${view_tests})
target_include_directories(eventmap_view_tests PRIVATE "${PROJECT_SOURCE_DIR}/tests")
# libpq: the PostGIS follow test makes and drops a database of its own (store/pg_connection.hpp).
target_link_libraries(eventmap_view_tests PRIVATE eventmap::view_model Catch2::Catch2
    GDAL::GDAL PkgConfig::LIBPQ eventmap_warnings)
target_compile_definitions(eventmap_view_tests PRIVATE
    EVENTMAP_TEST_FIXTURES="${PROJECT_SOURCE_DIR}/tests/fixtures"
    EVENTMAP_TEST_BINARY="$<TARGET_FILE:eventmap>"
    EVENTMAP_TEST_TMP="${PROJECT_BINARY_DIR}/tests/view_tmp")
pkg_check_modules(VIEW_STB QUIET IMPORTED_TARGET stb)
if(TARGET PkgConfig::VIEW_STB)
    target_link_libraries(eventmap_view_tests PRIVATE PkgConfig::VIEW_STB)
endif()
if(TARGET eventmap_view)
    target_compile_definitions(eventmap_view_tests PRIVATE EVENTMAP_HAVE_VIEW=1)
    add_dependencies(eventmap_view_tests eventmap)
endif()
# A test that cannot run here prints "EVENTMAP-SKIPPED:" (test::mark_skipped): CTest reports
# it as skipped, never passed.
catch_discover_tests(eventmap_view_tests EXTRA_ARGS --warn NoTests PROPERTIES TIMEOUT 600
    LABELS view SKIP_REGULAR_EXPRESSION "EVENTMAP-SKIPPED:")

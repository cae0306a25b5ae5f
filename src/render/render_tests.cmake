# Included at the end of the top-level CMakeLists (deferred from src/render): a separate test
# executable for the map data and renderer layers, so the core suite builds without OpenGL.
if(EVENTMAP_BUILD_TESTS)
    find_package(Catch2 2 REQUIRED)
    include(Catch)
    # Imported targets are directory-scoped: find again here what the tests read images with.
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(RENDER_TEST_STB REQUIRED IMPORTED_TARGET stb)
    find_package(GIF REQUIRED)
    file(GLOB map_tests CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/mapdata/*_test.cpp"
        "${PROJECT_SOURCE_DIR}/tests/render/*_test.cpp")
    add_executable(eventmap_render_tests "${PROJECT_SOURCE_DIR}/tests/test_main.cpp"
        "${PROJECT_SOURCE_DIR}/tests/support/test_support.cpp" ${map_tests})
    target_include_directories(eventmap_render_tests PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    target_link_libraries(eventmap_render_tests PRIVATE eventmap_render Catch2::Catch2
        eventmap_warnings GDAL::GDAL PkgConfig::RENDER_TEST_STB GIF::GIF)
    target_compile_definitions(eventmap_render_tests PRIVATE
        EVENTMAP_TEST_FIXTURES="${PROJECT_SOURCE_DIR}/tests/fixtures"
        EVENTMAP_TEST_BINARY="$<TARGET_FILE:eventmap>"
        EVENTMAP_TEST_TMP="${CMAKE_BINARY_DIR}/tests/tmp"
        EVENTMAP_TEST_GOLDEN="${PROJECT_SOURCE_DIR}/tests/render/golden")
    add_dependencies(eventmap_render_tests eventmap)
    catch_discover_tests(eventmap_render_tests EXTRA_ARGS --warn NoTests
        PROPERTIES TIMEOUT 600 SKIP_REGULAR_EXPRESSION "EVENTMAP-SKIPPED:")
endif()
if(EVENTMAP_BUILD_BENCH AND EXISTS "${PROJECT_SOURCE_DIR}/bench/render_bench.cpp")
    add_executable(render_bench "${PROJECT_SOURCE_DIR}/bench/render_bench.cpp")
    target_link_libraries(render_bench PRIVATE eventmap_render eventmap_warnings)
endif()

# The one-way layers of src/, checked on the sources themselves (CTest: source_layers): every
# `#include "<folder>/..."` of a file in src/<module>/ must name <module> or a module it links,
# directly or through others. The core's link table comes from src/CMakeLists.txt
# (eventmap_links_<module>, written to LINKS by the configure step), so the CMake targets and
# the includes cannot drift apart; the layers above the core are fixed here:
#   core <- mapdata <- render <- view <- cli, eval beside the core (cli only may include it).
#   cmake -DSRC=<src dir> -DLINKS=<layer_links.cmake> -P source_layers_check.cmake
cmake_minimum_required(VERSION 3.25)
include("${LINKS}")
set(core_modules ${EVENTMAP_ALL_MODULES})
list(REMOVE_ITEM core_modules eval)
set(eventmap_links_mapdata ${core_modules})
set(eventmap_links_render mapdata ${core_modules})
set(eventmap_links_view render mapdata ${core_modules})
set(eventmap_links_cli view render mapdata eval ${core_modules})

# Everything `module` may include: itself and the transitive closure of its links.
function(allowed_includes module out)
    set(seen ${module})
    set(todo ${module})
    while(todo)
        list(POP_FRONT todo current)
        foreach(next IN LISTS eventmap_links_${current})
            if(NOT next IN_LIST seen)
                list(APPEND seen ${next})
                list(APPEND todo ${next})
            endif()
        endforeach()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

set(known ${EVENTMAP_ALL_MODULES} mapdata render view cli)
set(violations 0)
set(checked 0)
foreach(module IN LISTS known)
    allowed_includes(${module} allowed)
    file(GLOB_RECURSE files "${SRC}/${module}/*.hpp" "${SRC}/${module}/*.cpp"
         "${SRC}/${module}/*.h")
    foreach(file IN LISTS files)
        math(EXPR checked "${checked} + 1")
        file(STRINGS "${file}" lines REGEX "^#include \"[a-z_]+/")
        foreach(line IN LISTS lines)
            string(REGEX REPLACE "^#include \"([a-z_]+)/.*" "\\1" target "${line}")
            if(target IN_LIST known AND NOT target IN_LIST allowed)
                file(RELATIVE_PATH shown "${SRC}/.." "${file}")
                message(SEND_ERROR "${shown}: ${module} includes ${target}/, which it does not "
                                   "link (allowed: ${allowed})")
                math(EXPR violations "${violations} + 1")
            endif()
        endforeach()
    endforeach()
endforeach()
if(checked EQUAL 0)
    message(FATAL_ERROR "source_layers: no source file found under ${SRC}")
endif()
message(STATUS "source_layers: ${checked} files checked, ${violations} include(s) against the layers")

# Helpers for check_install.cmake and check_deb.cmake.

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}")
    endif()
endfunction()

# Everything a desktop needs under `prefix`, and a binary that starts without a display.
function(check_installed_tree prefix)
    set(files
        ${BINDIR}/paperboy
        ${DATADIR}/applications/${APP_ID}.desktop
        ${DATADIR}/metainfo/${APP_ID}.metainfo.xml
        ${DATADIR}/icons/hicolor/scalable/apps/${APP_ID}.svg
        ${DATADIR}/paperboy/translations/paperboy_zh_CN.qm)
    foreach(size ${ICON_SIZES})
        list(APPEND files ${DATADIR}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
    endforeach()
    foreach(file ${files})
        if(NOT EXISTS ${prefix}/${file})
            message(FATAL_ERROR "not installed: ${prefix}/${file}")
        endif()
    endforeach()

    # No display, no platform plugin override: --version must not need a GUI.
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                --unset=QT_QPA_PLATFORM ${prefix}/${BINDIR}/paperboy --version
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "${VERSION}")
        message(FATAL_ERROR "${prefix}/${BINDIR}/paperboy --version: exit ${rc}\n${out}${err}")
    endif()
    message(STATUS "${prefix}/${BINDIR}/paperboy --version: ${out}")

    # The installed desktop file, metainfo and icon must agree with each other.
    execute_process(COMMAND appstreamcli validate-tree --no-net ${prefix}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "${APP_ID}.metainfo.xml")
        message(FATAL_ERROR "appstreamcli validate-tree ${prefix}:\n${out}")
    endif()
    message(STATUS "appstreamcli validate-tree: ${out}")
endfunction()

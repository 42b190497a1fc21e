# CTest: build the .deb with CPack, check its control fields, unpack it into a scratch root
# (`dpkg-deb -x`, no root needed) and run the packaged binary's --version without a display.
# cmake -DBUILD_DIR= -DWORK= -DCPACK= -DAPP_ID= -DVERSION= -DBINDIR= -DDATADIR= -DICON_SIZES= -P check_deb.cmake
include(${CMAKE_CURRENT_LIST_DIR}/check_common.cmake)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
run(${CPACK} --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK})
file(GLOB debs ${WORK}/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${WORK}, found: ${debs}")
endif()
file(SIZE ${debs} size)
message(STATUS "built ${debs} (${size} bytes)")

execute_process(COMMAND dpkg-deb --field ${debs} Package Version Depends Recommends
                OUTPUT_VARIABLE fields RESULT_VARIABLE rc)
if(rc)
    message(FATAL_ERROR "dpkg-deb --field failed")
endif()
message(STATUS "control fields:\n${fields}")
foreach(needed "Package: paperboy" "Version: ${VERSION}" "libqt6widgets6" "libqt6sql6-sqlite"
               "libqt6network6" "libsqlite3-0" "liblinear4" "fonts-noto-cjk")
    string(FIND "${fields}" "${needed}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the control fields lack '${needed}'")
    endif()
endforeach()

run(dpkg-deb -x ${debs} ${WORK}/root)
check_installed_tree(${WORK}/root/usr)

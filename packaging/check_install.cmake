# CTest: `cmake --install` into a scratch prefix, check every file a desktop needs is there, and
# run the installed binary's --version without a display.
# cmake -DBUILD_DIR= -DPREFIX= -DAPP_ID= -DVERSION= -DBINDIR= -DDATADIR= -DICON_SIZES= -P check_install.cmake
include(${CMAKE_CURRENT_LIST_DIR}/check_common.cmake)

file(REMOVE_RECURSE ${PREFIX})
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX})
check_installed_tree(${PREFIX})
message(STATUS "installed into ${PREFIX}")

# The opinion analysis worker (issue 6): a second wasm module that the staff analysis screen runs
# in a Web Worker, built from shared/analysis (through machiba_core) and wasm/worker/*.cpp. One
# self-contained script (the wasm inside) in ${CMAKE_BINARY_DIR}/app/analysis_worker.js, which
# build_site.py copies into the site. Included at the end of wasm/CMakeLists.txt.

# 1. The worker's sources are not the app's: take them out of the app's glob.
file(GLOB analysis_worker_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
get_target_property(analysis_app_sources machiba SOURCES)
list(REMOVE_ITEM analysis_app_sources ${analysis_worker_sources})
set_property(TARGET machiba PROPERTY SOURCES ${analysis_app_sources})

# 2. The worker module.
set(analysis_worker_pre ${CMAKE_CURRENT_LIST_DIR}/analysis_worker_pre.js)
add_executable(analysis_worker ${analysis_worker_sources})
set_target_properties(analysis_worker PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/app
    LINK_DEPENDS ${analysis_worker_pre})
target_link_libraries(analysis_worker PRIVATE machiba_core)
target_compile_options(analysis_worker PRIVATE ${MACHIBA_WARNINGS})
set(analysis_worker_exports
    _machiba_worker_lexicon _machiba_worker_analyze _machiba_worker_result
    _machiba_worker_release _machiba_worker_heap_bytes _machiba_worker_seconds _malloc _free)
list(JOIN analysis_worker_exports "," analysis_worker_exports)
target_link_options(analysis_worker PRIVATE
    -sENVIRONMENT=worker -sSINGLE_FILE=1 -sFILESYSTEM=0 -sEXIT_RUNTIME=0
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864 -sMAXIMUM_MEMORY=2147483648
    -sEXPORTED_FUNCTIONS=${analysis_worker_exports}
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    --pre-js ${analysis_worker_pre})
if(CMAKE_BUILD_TYPE STREQUAL "Release")
    target_compile_options(analysis_worker PRIVATE -O3)
    target_link_options(analysis_worker PRIVATE -O3)
endif()

# 3. The site is rebuilt when the worker changes.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/site/index.html APPEND DEPENDS analysis_worker)

# 4. The analysis itself compiled into the worker once more, with 128-bit SIMD: k-means scores
#    every opinion against every centre, which SIMD makes several times faster. Only the worker
#    needs SIMD (staff browsers); the app's module stays without it for older phones. These
#    objects come before machiba_core on the link line, so the library's copies are not used.
file(GLOB analysis_simd_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shared/analysis/*.cpp)
target_sources(analysis_worker PRIVATE ${analysis_simd_sources})
target_compile_options(analysis_worker PRIVATE -msimd128)

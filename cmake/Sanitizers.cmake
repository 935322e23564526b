# One switch turns on ASan+UBSan for every target (ours and the test binaries), as userver does.
if(SWITCHYARD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# The fuzz preset builds with clang. Debian 12's clang 14 fails on our coroutine code (Asio's
# awaitables) with UBSan's `function` check ("Cannot represent a difference across sections"), so
# that one check, which only guards calls through mistyped function pointers, is left out there.
if(SWITCHYARD_FUZZ AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND
   CMAKE_CXX_COMPILER_VERSION VERSION_LESS 15)
  add_compile_options(-fno-sanitize=function)
endif()

# libFuzzer steers by the coverage of the code under test, so everything the fuzz targets link
# (our libraries, not only the targets' own files) carries the coverage instrumentation; the
# targets add the fuzzer runtime (tests/fuzz/CMakeLists.txt). Without this a fuzzer saw only
# its harness: about 130 edges for the whole classifier.
if(SWITCHYARD_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# One switch turns on ASan+UBSan for every target (ours and the test binaries), as userver does.
if(SWITCHYARD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

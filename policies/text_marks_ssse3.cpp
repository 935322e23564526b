// The SSSE3 build of text_marks.h (this file is compiled with -mssse3 on x86; see
// policies/CMakeLists.txt). normalizer.cpp calls it only when the CPU has SSSE3.
#include "policies/text_marks.h"

namespace switchyard::policy::detail {

#if defined(__SSSE3__)
extern const bool kSsse3MarksCompiled = true;
#else
extern const bool kSsse3MarksCompiled = false;
#endif

bool mark_words_ssse3(std::string_view text, std::size_t min_run, bool decode, bool spacing,
                      bool ascii_only, std::uint64_t* decode_words, std::uint64_t* spacing_words) {
  return mark_words_dispatch(text, min_run, decode, spacing, ascii_only, decode_words,
                             spacing_words);
}

}  // namespace switchyard::policy::detail

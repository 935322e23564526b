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
  if (decode && spacing && ascii_only) {
    return mark_words<true, true, true>(text, min_run, decode_words, spacing_words);
  }
  if (decode) return mark_words<true, false, false>(text, min_run, decode_words, spacing_words);
  return mark_words<false, true, false>(text, min_run, decode_words, spacing_words);
}

}  // namespace switchyard::policy::detail

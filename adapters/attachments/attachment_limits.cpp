// Defaults of attachment inspection that depend on the machine.
#include "adapters/attachments/attachment_limits.h"

#include <cstdlib>
#include <filesystem>

namespace switchyard::attachments {

std::string default_ocr_data_dir() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env != nullptr && *env != '\0') {
    return env;
  }
  for (const char* dir : {"/usr/share/tesseract-ocr/5/tessdata",
                          "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"}) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) return dir;
  }
  return "/usr/share/tesseract-ocr/5/tessdata";
}

}  // namespace switchyard::attachments

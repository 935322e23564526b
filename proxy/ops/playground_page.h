// The playground page's source, embedded in the binary: served by playground.cpp, which adds the
// <style> and <script> tags around these parts and a CSP allowing exactly them (by hash).
#pragma once

#include <string_view>

namespace switchyard::proxy {

struct PlaygroundPageParts {
  std::string_view head;    // from <!doctype html> to just before </head>
  std::string_view style;   // CSS
  std::string_view body;    // from <body> to just before </body>
  std::string_view script;  // JS
};

PlaygroundPageParts playground_page_parts();

}  // namespace switchyard::proxy

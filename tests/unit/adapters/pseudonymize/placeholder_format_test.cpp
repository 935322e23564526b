// Why placeholders look like EMAIL-7f3a91 (docs/pseudonymization.md, "The format"): a model's reply
// puts a placeholder where the value belongs, and the value must come back from there. The contexts
// below are what replies do around a value; each transformation is what that context (or a model
// writing for it) does to the characters of a placeholder. Bracketed formats (<EMAIL_1>,
// [EMAIL_1], {{EMAIL_1}}) lose their brackets to URL encoding, HTML escaping, HTML-safe JSON
// encoders and markdown escaping; an underscore is escaped by markdown writers (EMAIL\_7f3a91).
// Letters, digits and '-' are left alone by all of them. This test keeps the table honest: if a
// transformation changes, so does the verdict.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "adapters/pseudonymize/pseudonym_key.h"
#include "adapters/pseudonymize/text_restorer.h"

namespace switchyard::pseudonymize {
namespace {

using Transform = std::string (*)(const std::string&);

// RFC 3986 percent-encoding of a link destination, as JavaScript's encodeURI does (a model
// writing [write](mailto:...) or a renderer normalizing the link).
std::string encode_uri(const std::string& s) {
  static const std::string keep = ";,/?:@&=+$-_.!~*'()#";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || keep.find(static_cast<char>(c)) != std::string::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// application/x-www-form-urlencoded (a value put into a query string).
std::string encode_query(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '*' || c == '-' || c == '.' || c == '_') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// HTML text (a reply that writes HTML, or code that shows the value in a page).
std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// An HTML-safe JSON encoder (Go's encoding/json, many web frameworks) writing a tool argument.
std::string html_safe_json(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Markdown writers escape what could start emphasis, links, HTML or code in running text.
std::string markdown_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("\\`*_[]<>").find(c) != std::string::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// A Python f-string or str.format() template doubles braces.
std::string format_template(const std::string& s) {
  std::string out;
  for (char c : s) {
    out.push_back(c);
    if (c == '{' || c == '}') out.push_back(c);
  }
  return out;
}

std::string unchanged(const std::string& s) { return s; }

// A context: how a reply writes a value there, and what that does to the value's characters.
struct Context {
  const char* name;
  Transform encode;
  std::string (*write)(const std::string& encoded);
};

const std::vector<Context>& contexts() {
  static const std::vector<Context> list = {
      {"punctuation attached", unchanged,
       [](const std::string& s) { return "Write to (" + s + "'s)."; }},
      {"markdown link", encode_uri,
       [](const std::string& s) { return "[write](mailto:" + s + ")"; }},
      {"code string literal", unchanged,
       [](const std::string& s) { return "send_mail(to=\"" + s + "\")"; }},
      {"JSON tool argument", html_safe_json,
       [](const std::string& s) { return "{\"to\":\"" + s + "\"}"; }},
      {"HTML", html_escape, [](const std::string& s) { return "<td>" + s + "</td>"; }},
      {"markdown text", markdown_escape,
       [](const std::string& s) { return "Contact " + s + " today"; }},
      {"format template", format_template,
       [](const std::string& s) { return "f\"Dear " + s + "\""; }},
      {"URL query", encode_query,
       [](const std::string& s) { return "https://crm.example/search?q=" + s; }},
  };
  return list;
}

TEST(PlaceholderFormat, OnlyLettersDigitsAndDashSurviveEveryContext) {
  const std::vector<std::string> formats = {"<EMAIL_7f3a91>", "[EMAIL_7f3a91]", "{{EMAIL_7f3a91}}",
                                            "EMAIL_7f3a91", "EMAIL-7f3a91"};
  std::map<std::string, std::vector<std::string>> lost;
  for (const auto& format : formats) {
    for (const Context& context : contexts()) {
      // The placeholder survives when the context leaves every one of its characters alone.
      if (context.encode(format) != format) lost[format].push_back(context.name);
    }
  }
  EXPECT_EQ(lost["<EMAIL_7f3a91>"],
            (std::vector<std::string>{"markdown link", "JSON tool argument", "HTML",
                                      "markdown text", "URL query"}));
  EXPECT_EQ(lost["[EMAIL_7f3a91]"],
            (std::vector<std::string>{"markdown link", "markdown text", "URL query"}));
  EXPECT_EQ(lost["{{EMAIL_7f3a91}}"], (std::vector<std::string>{"markdown link", "markdown text",
                                                                "format template", "URL query"}));
  EXPECT_EQ(lost["EMAIL_7f3a91"], (std::vector<std::string>{"markdown text"}));
  EXPECT_TRUE(lost["EMAIL-7f3a91"].empty());
}

TEST(PlaceholderFormat, OurPlaceholdersComeBackInEveryContext) {
  const PseudonymKey key("format-test-key-0123456789abcdef");
  const std::string value = "jane.roe@brightwater-logistics.com";
  const std::string placeholder = key.placeholder(placeholder_type("email"), value, 0);
  PseudonymTable table;
  ASSERT_TRUE(table.add(placeholder, value));
  for (const Context& context : contexts()) {
    const std::string reply = context.write(context.encode(placeholder));
    const std::string restored = restore_text(table, reply, TextKind::kPlain);
    EXPECT_EQ(restored.find(placeholder), std::string::npos) << reply;
    EXPECT_NE(restored.find(value), std::string::npos) << reply;
  }
}

}  // namespace
}  // namespace switchyard::pseudonymize

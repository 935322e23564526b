// The attachments library: data: URLs and base64, type sniffing from bytes, text documents, and
// where each API puts its attachments.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/attachments/attachment_finder.h"
#include "adapters/attachments/data_url.h"
#include "adapters/attachments/media_sniff.h"
#include "adapters/attachments/text_document.h"

namespace switchyard::attachments {
namespace {

TEST(DataUrl, ParsesTypeAndEncoding) {
  auto url = parse_data_url("data:Image/PNG;name=x.png;base64,iVBORw0KGgo=");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->media_type, "image/png");
  EXPECT_TRUE(url->base64);
  EXPECT_EQ(url->payload, "iVBORw0KGgo=");
  auto plain = parse_data_url("data:text/plain,hello%20world");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->base64);
  EXPECT_EQ(decode_data_url_payload(*plain).value_or(""), "hello world");
  EXPECT_FALSE(parse_data_url("data:image/png;base64"));  // no comma
  EXPECT_FALSE(parse_data_url("https://example.com/a.png"));
}

TEST(Base64, RoundTripsEveryLengthAndRejectsGarbage) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes.push_back(static_cast<char>(i * 37));
    const std::string encoded = encode_base64(bytes);
    ASSERT_EQ(decode_base64(encoded).value_or("?"), bytes) << i;
    EXPECT_GE(decoded_base64_size(encoded), bytes.size());
  }
  EXPECT_EQ(decode_base64("aGVs\nbG8=").value_or(""), "hello");  // line breaks are tolerated
  EXPECT_EQ(decode_base64("aGVsbG8").value_or(""), "hello");     // padding is optional
  EXPECT_FALSE(decode_base64("aGVs*G8="));                       // not the alphabet
  EXPECT_FALSE(decode_base64("aGVsbG8=x"));                      // data after padding
  EXPECT_FALSE(decode_base64("a"));                              // a lone sextet
}

TEST(Sniff, ReadsTheTypeFromTheBytesNotTheLabel) {
  EXPECT_EQ(sniff_media_type("%PDF-1.7\n...").media_type, "application/pdf");
  EXPECT_EQ(sniff_media_type("\x89PNG\r\n\x1a\n....").kind, Kind::kImage);
  EXPECT_EQ(sniff_media_type("\xff\xd8\xff\xe0....").media_type, "image/jpeg");
  EXPECT_EQ(sniff_media_type("GIF89a....").media_type, "image/gif");
  EXPECT_EQ(sniff_media_type(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16)).media_type,
            "image/webp");
  EXPECT_EQ(sniff_media_type(std::string_view("RIFF\x10\0\0\0WAVEfmt ", 16)).kind, Kind::kAudio);
  EXPECT_EQ(sniff_media_type(std::string_view("\0\0\0\x18"
                                              "ftypmp42",
                                              12))
                .kind,
            Kind::kVideo);
  EXPECT_EQ(sniff_media_type("PK\x03\x04 docx").media_type, "application/zip");
  EXPECT_EQ(sniff_media_type("name,card\nA,4539 1488 0343 6467\n").media_type, "text/plain");
  EXPECT_EQ(sniff_media_type("  <!DOCTYPE html><p>x</p>").media_type, "text/html");
  EXPECT_EQ(sniff_media_type(std::string(64, '\x07')).kind, Kind::kFile);
  EXPECT_EQ(sniff_media_type(std::string_view("ab\0cd", 5)).kind, Kind::kFile);
}

TEST(TextDocument, DecodesUtf16AndStripsMarkupKeepingHiddenText) {
  const std::string utf16le("\xff\xfeh\0i\0", 6);
  EXPECT_EQ(decode_text_document(utf16le, "text/plain").value_or(""), "hi");
  const std::string html =
      "<html><p>card 4539&#32;1488 <b>0343</b> 6467</p><!-- 1234 --><img alt=\"secret\"></html>";
  const std::string text = decode_text_document(html, "text/html").value_or("");
  EXPECT_NE(text.find("4539 1488  0343  6467"), std::string::npos) << text;
  EXPECT_NE(text.find("1234"), std::string::npos);
  EXPECT_NE(text.find("secret"), std::string::npos);
  EXPECT_FALSE(decode_text_document(std::string_view("a\0b", 3), "text/plain"));
}

std::optional<Attachment> find(std::string_view json) {
  const boost::json::value v = boost::json::parse(json);
  const auto& object = v.get_object();
  return find_attachment(object, object.at("type").get_string(), "/p");
}

TEST(Finder, KnowsEachApisShapes) {
  auto chat_image =
      find(R"({"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}})");
  ASSERT_TRUE(chat_image);
  EXPECT_EQ(chat_image->source, Source::kInline);
  EXPECT_EQ(chat_image->data_pointer, "/p/image_url/url");
  EXPECT_EQ(chat_image->declared_type, "image/png");

  auto remote = find(R"({"type":"image_url","image_url":{"url":"https://h/x.jpg?s=1"}})");
  ASSERT_TRUE(remote);
  EXPECT_EQ(remote->source, Source::kRemoteUrl);
  EXPECT_EQ(remote->declared_type, "image/jpeg");

  auto file = find(R"({"type":"file","file":{"filename":"a.pdf","file_data":"JVBERi0="}})");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->source, Source::kInline);
  EXPECT_FALSE(file->data_url);
  EXPECT_EQ(file->declared_type, "application/pdf");  // from the file name
  EXPECT_EQ(find(R"({"type":"file","file":{"file_id":"file-1"}})")->source, Source::kFileReference);

  EXPECT_EQ(find(R"({"type":"input_image","image_url":"data:image/png;base64,AA"})")->source,
            Source::kInline);
  EXPECT_EQ(find(R"({"type":"input_image","file_id":"file-1"})")->source, Source::kFileReference);
  EXPECT_EQ(find(R"({"type":"input_file","file_url":"https://h/a.pdf"})")->source,
            Source::kRemoteUrl);
  EXPECT_EQ(find(R"({"type":"input_audio","input_audio":{"data":"AA","format":"wav"}})")->source,
            Source::kAudioVideo);

  auto doc = find(R"({"type":"document","title":"T","source":{"type":"text","media_type":)"
                  R"("text/plain","data":"hello"}})");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->source, Source::kInlineText);
  EXPECT_EQ(doc->filename, "T");
  EXPECT_EQ(find(R"({"type":"image","source":{"type":"base64","media_type":"image/png",)"
                 R"("data":"AA"}})")
                ->data_pointer,
            "/p/source/data");
  EXPECT_EQ(find(R"({"type":"document","source":{"type":"url","url":"https://h/a.pdf"}})")->source,
            Source::kRemoteUrl);
  EXPECT_EQ(find(R"({"type":"image","source":{"type":"file","file_id":"f"}})")->source,
            Source::kFileReference);
  EXPECT_EQ(find(R"({"type":"document","source":{"type":"content","content":[]}})")->source,
            Source::kContent);
  EXPECT_FALSE(find(R"({"type":"text","text":"hi"})"));
}

TEST(Finder, FilesInShapesNoApiListsAreStillFiles) {
  bool binary = false;
  EXPECT_TRUE(is_payload_string("data:application/pdf;base64,JVBERi0=", &binary));
  EXPECT_TRUE(binary);
  EXPECT_TRUE(is_payload_string("data:text/plain,hello", &binary));
  EXPECT_FALSE(binary);  // a text file: still classified as text too
  EXPECT_TRUE(is_payload_string("data:;base64,aGk=", &binary));
  // Bare base64 counts when its bytes begin like a file format.
  const std::string png = encode_base64(std::string("\x89PNG\r\n\x1a\n") + std::string(60, 'x'));
  EXPECT_TRUE(is_payload_string(png, &binary));
  EXPECT_TRUE(binary);
  // Ordinary text, base64 of text, and prose that starts with "data:" are not files.
  EXPECT_FALSE(is_payload_string("data: the figures show, as expected, a rise", &binary));
  EXPECT_FALSE(is_payload_string("data:my card 4539 1488 0343 6467,x", &binary));
  EXPECT_FALSE(is_payload_string(encode_base64(std::string(80, 'a')), &binary));
  EXPECT_FALSE(is_payload_string("Refund approved for card 4539 1488 0343 6467", &binary));

  const Attachment stray = stray_payload("/input/0/x", "data:Image/PNG;base64,AAAA", {});
  EXPECT_TRUE(stray.stray);
  EXPECT_EQ(stray.declared_type, "image/png");
  EXPECT_EQ(stray_payload("/x", "data:audio/wav;base64,AAAA", {}).source, Source::kAudioVideo);
}

TEST(Finder, ClientTextNeverBecomesARecordField) {
  // Media types are media types or nothing; pointers keep the APIs' own names and indices only.
  EXPECT_EQ(normalize_media_type("Image/PNG; charset=x"), "image/png");
  EXPECT_EQ(normalize_media_type("card 4539 1488 0343 6467"), "");
  EXPECT_EQ(normalize_media_type("x/" + std::string(200, 'a')), "");
  EXPECT_EQ(find(R"({"type":"input_audio","input_audio":{"data":"AA","format":"my secret"}})")
                ->declared_type,
            "audio/unknown");
  EXPECT_EQ(pointer_for_record("/messages/2/content/0/content/1"),
            "/messages/2/content/0/content/1");
  EXPECT_EQ(pointer_for_record("/messages/0/content/1/tool_input/4539148803436467"),
            "/messages/0/content/1/*/*");
  EXPECT_EQ(pointer_for_record("/input/3/output/0/image_url"), "/input/3/output/0/image_url");
}

}  // namespace
}  // namespace switchyard::attachments

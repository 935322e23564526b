// Attachments through the proxy, for each API (Chat Completions, Responses, Messages) and both
// stream modes: a sensitive attachment goes internal, a clean one still goes to the vendor (so
// inspection decided, not a blanket reroute), and what cannot be read (scan aside, which is OCR'd)
// takes the policy's uninspected handling: remote URL, file id, corrupt file; a file that is not
// what its type says is read as what it is; an oversized one is refused 413 in the client's
// format. Plus: the decision record's attachments, translation of documents (issue 16's bug),
// `uninspected: block`, a client that goes away during OCR, the inspection deadline.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "adapters/attachments/data_url.h"
#include "fixtures/attachment_fixtures.h"
#include "proxy/inspection/inspection_pool.h"
#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"

namespace switchyard::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

enum class Api { kChat, kResponses, kMessages };

std::string b64(const std::string& bytes) { return attachments::encode_base64(bytes); }

// The first bytes of a WAV file: audio, which the proxy does not transcribe.
const std::string kWav("RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0", 24);

// What a client attaches, in each API's own shape.
enum class Part { kPdf, kImage, kRemoteImage, kFileId, kMislabeledPdf };

json::value part(Api api, Part kind, const std::string& bytes, const std::string& type) {
  const std::string data_url = "data:" + type + ";base64," + b64(bytes);
  switch (api) {
    case Api::kChat:
      switch (kind) {
        case Part::kPdf:
          return json::object{
              {"type", "file"},
              {"file", json::object{{"filename", "doc.pdf"}, {"file_data", data_url}}}};
        case Part::kImage:
        case Part::kMislabeledPdf:
          return json::object{{"type", "image_url"},
                              {"image_url", json::object{{"url", data_url}}}};
        case Part::kRemoteImage:
          return json::object{{"type", "image_url"},
                              {"image_url", json::object{{"url", "https://files.example/x.png"}}}};
        case Part::kFileId:
          return json::object{{"type", "file"}, {"file", json::object{{"file_id", "file-abc123"}}}};
      }
      break;
    case Api::kResponses:
      switch (kind) {
        case Part::kPdf:
          return json::object{
              {"type", "input_file"}, {"filename", "doc.pdf"}, {"file_data", data_url}};
        case Part::kImage:
        case Part::kMislabeledPdf:
          return json::object{{"type", "input_image"}, {"image_url", data_url}};
        case Part::kRemoteImage:
          return json::object{{"type", "input_image"},
                              {"image_url", "https://files.example/x.png"}};
        case Part::kFileId:
          return json::object{{"type", "input_file"}, {"file_id", "file-abc123"}};
      }
      break;
    case Api::kMessages:
      switch (kind) {
        case Part::kPdf:
          return json::object{
              {"type", "document"},
              {"source",
               json::object{{"type", "base64"}, {"media_type", type}, {"data", b64(bytes)}}}};
        case Part::kImage:
        case Part::kMislabeledPdf:
          return json::object{
              {"type", "image"},
              {"source",
               json::object{{"type", "base64"}, {"media_type", type}, {"data", b64(bytes)}}}};
        case Part::kRemoteImage:
          return json::object{
              {"type", "image"},
              {"source", json::object{{"type", "url"}, {"url", "https://files.example/x.png"}}}};
        case Part::kFileId:
          return json::object{
              {"type", "document"},
              {"source", json::object{{"type", "file"}, {"file_id", "file_abc123"}}}};
      }
      break;
  }
  return nullptr;
}

std::string request(Api api, bool stream, json::value attachment) {
  json::object body;
  switch (api) {
    case Api::kChat:
      body = {
          {"model", "gpt-4o"},
          {"messages",
           json::array{json::object{
               {"role", "user"},
               {"content", json::array{json::object{{"type", "text"}, {"text", "Summarize this."}},
                                       std::move(attachment)}}}}}};
      break;
    case Api::kResponses:
      body = {{"model", "gpt-4o"},
              {"input", json::array{json::object{
                            {"role", "user"},
                            {"content", json::array{json::object{{"type", "input_text"},
                                                                 {"text", "Summarize this."}},
                                                    std::move(attachment)}}}}}};
      break;
    case Api::kMessages:
      body = {
          {"model", "claude-sonnet-4"},
          {"max_tokens", 64},
          {"messages",
           json::array{json::object{
               {"role", "user"},
               {"content", json::array{json::object{{"type", "text"}, {"text", "Summarize this."}},
                                       std::move(attachment)}}}}}};
      break;
  }
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

// The same request with `count` copies of one attachment.
std::string request_with(Api api, bool stream, const json::value& attachment, int count) {
  json::value body = json::parse(request(api, stream, attachment));
  json::array& content = (api == Api::kResponses ? body.at("input") : body.at("messages"))
                             .at(0)
                             .at("content")
                             .as_array();
  for (int i = 1; i < count; ++i) content.push_back(attachment);
  return json::serialize(body);
}

// An attachment whose payload is not base64 at all, in each API's shape.
json::value malformed_part(Api api) {
  json::value p = part(api, Part::kPdf, "x", "application/pdf");
  const std::string garbage = "@@@ not base64 @@@";
  switch (api) {
    case Api::kChat:
      p.at("file").at("file_data") = "data:application/pdf;base64," + garbage;
      break;
    case Api::kResponses:
      p.at("file_data") = "data:application/pdf;base64," + garbage;
      break;
    case Api::kMessages:
      p.at("source").at("data") = garbage;
      break;
  }
  return p;
}

// The client's error in its own API's format: Anthropic's {"type":"error","error":{type,message}},
// OpenAI's {"error":{message,type,param,code}} with our code.
void expect_api_error(Api api, const Reply& reply, unsigned status, const std::string& code) {
  EXPECT_EQ(reply.status, status) << reply.body;
  const json::value body = reply.json();
  if (api == Api::kMessages) {
    EXPECT_EQ(body.at("type"), "error") << reply.body;
    EXPECT_TRUE(body.at("error").at("type").is_string()) << reply.body;
    EXPECT_TRUE(body.at("error").at("message").is_string()) << reply.body;
  } else {
    EXPECT_EQ(body.at("error").at("code"), json::value(code)) << reply.body;
    EXPECT_TRUE(body.at("error").at("message").is_string()) << reply.body;
  }
}

std::string path_of(Api api) {
  return api == Api::kChat        ? "/v1/chat/completions"
         : api == Api::kResponses ? "/v1/responses"
                                  : "/v1/messages";
}

Headers headers_of(Api api) {
  if (api == Api::kMessages) return {{"anthropic-version", "2023-06-01"}, {"x-api-key", "k"}};
  return {{"authorization", "Bearer k"}};
}

std::string api_name(Api api) {
  return api == Api::kChat ? "Chat" : api == Api::kResponses ? "Responses" : "Messages";
}

class Attachments : public ::testing::TestWithParam<std::tuple<Api, bool>> {
 protected:
  static std::string config(const std::string& policy, std::string_view extra) {
    return "policy: " + std::string(SWITCHYARD_SOURCE_DIR) + "/tests/integration/data/" + policy +
           R"(
upstreams:
  - name: local
    api: openai
    apis: [openai, anthropic]
    base_url: )" +
           internal_->base_url() + R"(
    trust: internal
  - name: openai
    api: openai
    base_url: )" +
           openai_->base_url() + R"(
    trust: vendor
  - name: anthropic
    api: anthropic
    base_url: )" +
           anthropic_->base_url("") + R"(
    trust: vendor
routes:
  internal: local
  vendor: { openai: openai, anthropic: anthropic }
limits: { workers: 2 }
attachments: { max_bytes: 64KiB, jobs: 2 )" +
           std::string(extra) + " }\n";
  }

  static void SetUpTestSuite() {
    internal_ = new FakeUpstream();
    openai_ = new FakeUpstream();
    anthropic_ = new FakeUpstream();
    internal_->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
    openai_->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
    anthropic_->set_handler(
        [](const RecordedRequest& r) { return api_reply(r, "FROM-ANTHROPIC"); });
    proxy_ = new ProxyHarness(config("attachments_policy.yaml", ""));
  }
  static void TearDownTestSuite() {
    delete proxy_;
    delete internal_;
    delete openai_;
    delete anthropic_;
    proxy_ = nullptr;
  }

  struct Result {
    Reply reply;
    json::object decision;
    FakeUpstream* receiver = nullptr;  // the fake that got the request, if exactly one did
    std::string upstream_body;
  };

  static Result send(ProxyHarness& proxy, Api api, bool stream, json::value attachment) {
    const std::array<FakeUpstream*, 3> fakes = {internal_, openai_, anthropic_};
    std::array<std::size_t, 3> before{};
    for (std::size_t i = 0; i < 3; ++i) before[i] = fakes[i]->request_count();
    Client client(proxy.port());
    Result result;
    result.reply =
        client.post(path_of(api), request(api, stream, std::move(attachment)), headers_of(api));
    const std::string id = result.reply.header("x-switchyard-request-id");
    // A forwarded request has its decision and, once it ends, its outcome; one refused before
    // any decision (413, 422, 400) has its outcome only.
    EXPECT_TRUE(proxy.audit().wait_for_records(id, result.reply.status == 200 ? 2 : 1));
    for (const auto& r : proxy.audit().records_for(id)) {
      if (r.at("event") == "decision") result.decision = r;
    }
    int got = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      const std::size_t now = fakes[i]->request_count();
      EXPECT_LE(now, before[i] + 1);
      if (now > before[i]) {
        ++got;
        result.receiver = fakes[i];
        result.upstream_body = fakes[i]->requests().back().body;
      }
    }
    EXPECT_LE(got, 1);
    return result;
  }

  static FakeUpstream* vendor_of(Api api) { return api == Api::kMessages ? anthropic_ : openai_; }

  static const json::object& attachment_record(const Result& r) {
    static const json::object empty;
    const json::value* list = r.decision.if_contains("attachments");
    if (list == nullptr || !list->is_array() || list->get_array().empty()) {
      ADD_FAILURE() << "no attachments in the decision: " << json::serialize(r.decision);
      return empty;
    }
    return list->get_array().back().get_object();
  }

  static inline FakeUpstream* internal_ = nullptr;
  static inline FakeUpstream* openai_ = nullptr;
  static inline FakeUpstream* anthropic_ = nullptr;
  static inline ProxyHarness* proxy_ = nullptr;
};

TEST_P(Attachments, SensitivePdfGoesInternalAsText) {
  const auto [api, stream] = GetParam();
  const auto r =
      send(*proxy_, api, stream, part(api, Part::kPdf, fixture("card.pdf"), "application/pdf"));
  EXPECT_EQ(r.reply.status, 200u) << r.reply.body;
  EXPECT_EQ(r.reply.header("x-switchyard-route"), "internal");
  EXPECT_EQ(r.receiver, internal_);
  EXPECT_EQ(r.decision.at("route"), "internal");
  EXPECT_THAT(json::serialize(r.decision.at("rules")), HasSubstr("test.card"));
  const auto& a = attachment_record(r);
  EXPECT_EQ(a.at("kind"), "pdf");
  EXPECT_EQ(a.at("inspected"), "pdf_text");
  EXPECT_EQ(a.at("pages"), 2);
  EXPECT_TRUE(a.at("reason").is_null());
  // The internal upstream (documents: text by default) gets the text the proxy read, not a file
  // part it could not take; the audit never holds it.
  EXPECT_THAT(r.upstream_body, HasSubstr("4539 1488 0343 6467"));
  EXPECT_THAT(json::serialize(r.decision), Not(HasSubstr("4539")));
}

TEST_P(Attachments, CleanPdfStillGoesToTheVendorUnchanged) {
  const auto [api, stream] = GetParam();
  const std::string pdf = fixture("clean.pdf");
  const auto r = send(*proxy_, api, stream, part(api, Part::kPdf, pdf, "application/pdf"));
  EXPECT_EQ(r.reply.status, 200u) << r.reply.body;
  EXPECT_EQ(r.reply.header("x-switchyard-route"), "vendor");
  EXPECT_EQ(r.receiver, vendor_of(api));
  EXPECT_EQ(attachment_record(r).at("inspected"), "pdf_text");
  EXPECT_THAT(r.upstream_body, HasSubstr(b64(pdf)));  // the file itself, byte for byte
}

TEST_P(Attachments, ScreenshotIsReadByOcr) {
  const auto [api, stream] = GetParam();
  const auto sensitive =
      send(*proxy_, api, stream, part(api, Part::kImage, fixture("card.png"), "image/png"));
  EXPECT_EQ(sensitive.reply.status, 200u) << sensitive.reply.body;
  EXPECT_EQ(sensitive.receiver, internal_);
  EXPECT_EQ(attachment_record(sensitive).at("inspected"), "ocr");
  const auto clean =
      send(*proxy_, api, stream, part(api, Part::kImage, fixture("clean.png"), "image/png"));
  EXPECT_EQ(clean.receiver, vendor_of(api));
  EXPECT_EQ(attachment_record(clean).at("inspected"), "ocr");
}

TEST_P(Attachments, ScannedPdfIsReadByOcr) {
  const auto [api, stream] = GetParam();
  const auto r =
      send(*proxy_, api, stream, part(api, Part::kPdf, fixture("scanned.pdf"), "application/pdf"));
  EXPECT_EQ(r.reply.status, 200u) << r.reply.body;
  EXPECT_EQ(r.receiver, internal_);
  EXPECT_EQ(attachment_record(r).at("inspected"), "ocr");
  EXPECT_EQ(r.decision.at("reason"), "policy");  // the card, not an unread page, decided
}

TEST_P(Attachments, WhatCannotBeReadGoesInternalWithItsReason) {
  const auto [api, stream] = GetParam();
  struct Case {
    json::value attachment;
    std::string uninspected;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {part(api, Part::kRemoteImage, "", ""), "remote_url", "remote_url"},
      {part(api, Part::kFileId, "", ""), "file_reference", "file_reference"},
      {part(api, Part::kPdf, fixture("corrupt.pdf"), "application/pdf"), "unreadable", "corrupt"},
      {part(api, Part::kPdf, fixture("encrypted.pdf"), "application/pdf"), "unreadable",
       "encrypted"},
      // Bytes that are audio, or nothing the proxy knows, whatever the part claims to carry.
      {part(api, Part::kPdf, kWav, "application/pdf"), "audio_video", "audio"},
      {part(api, Part::kImage, fixture("garbage.bin"), "image/png"), "unreadable",
       "unsupported_type"},
  };
  for (const auto& c : cases) {
    const auto r = send(*proxy_, api, stream, c.attachment);
    EXPECT_EQ(r.reply.status, 200u) << c.reason << ": " << r.reply.body;
    EXPECT_EQ(r.receiver, internal_) << c.reason;
    EXPECT_EQ(r.decision.at("reason"), "uninspected_attachment") << c.reason;
    EXPECT_EQ(r.decision.at("handling"), "internal") << c.reason;
    const auto& a = attachment_record(r);
    EXPECT_EQ(a.at("inspected"), "none") << c.reason;
    EXPECT_EQ(a.at("uninspected"), json::value(c.uninspected)) << c.reason;
    EXPECT_EQ(a.at("reason"), json::value(c.reason)) << c.reason;
  }
}

TEST_P(Attachments, MislabeledFileIsReadAsWhatItIs) {
  const auto [api, stream] = GetParam();
  const auto r =
      send(*proxy_, api, stream, part(api, Part::kMislabeledPdf, fixture("card.pdf"), "image/png"));
  EXPECT_EQ(r.reply.status, 200u) << r.reply.body;
  EXPECT_EQ(r.receiver, internal_);
  const auto& a = attachment_record(r);
  EXPECT_EQ(a.at("kind"), "pdf");
  EXPECT_EQ(a.at("media_type"), "application/pdf");
  EXPECT_EQ(a.at("declared_media_type"), "image/png");
  EXPECT_EQ(a.at("inspected"), "pdf_text");
}

TEST_P(Attachments, OversizedFileIsRefusedInTheClientsFormat) {
  const auto [api, stream] = GetParam();
  const auto r =
      send(*proxy_, api, stream, part(api, Part::kPdf, fixture("long.pdf"), "application/pdf"));
  EXPECT_EQ(r.reply.status, 413u) << r.reply.body;
  EXPECT_EQ(r.receiver, nullptr);
  const json::value body = r.reply.json();
  if (api == Api::kMessages) {
    EXPECT_EQ(body.at("type"), "error");
    EXPECT_EQ(body.at("error").at("type"), "request_too_large");
  } else {
    EXPECT_EQ(body.at("error").at("code"), "attachment_too_large");
  }
  EXPECT_THAT(r.reply.body, HasSubstr("65536 bytes"));
}

TEST_P(Attachments, MalformedPayloadIsTheClientsErrorAndNothingIsForwarded) {
  const auto [api, stream] = GetParam();
  const auto r = send(*proxy_, api, stream, malformed_part(api));
  expect_api_error(api, r.reply, 400, "invalid_attachment");
  EXPECT_EQ(r.receiver, nullptr);
}

TEST_P(Attachments, TooManyAttachmentsAreRefusedBeforeAnyWork) {
  const auto [api, stream] = GetParam();
  const std::size_t before =
      internal_->request_count() + openai_->request_count() + anthropic_->request_count();
  Client client(proxy_->port());
  // 33 references (the default max_count is 32): each alone would be cheap, together too many.
  const Reply reply = client.post(
      path_of(api), request_with(api, stream, part(api, Part::kRemoteImage, "", ""), 33),
      headers_of(api));
  expect_api_error(api, reply, 422, "too_many_attachments");
  EXPECT_EQ(internal_->request_count() + openai_->request_count() + anthropic_->request_count(),
            before);
}

// With OCR turned off, an image (clean or not) and a scanned PDF are unread: they fail closed to
// the internal model, never the vendor; a PDF with a text layer is still read.
TEST_P(Attachments, OcrTurnedOffFailsClosed) {
  const auto [api, stream] = GetParam();
  ProxyHarness proxy(config("attachments_policy.yaml", ", ocr: false"));
  for (const auto& [attachment, reason] :
       {std::pair{part(api, Part::kImage, fixture("clean.png"), "image/png"), "ocr_disabled"},
        std::pair{part(api, Part::kPdf, fixture("scanned.pdf"), "application/pdf"),
                  "ocr_disabled"}}) {
    const auto r = send(proxy, api, stream, attachment);
    EXPECT_EQ(r.reply.status, 200u) << r.reply.body;
    EXPECT_EQ(r.receiver, internal_) << reason;
    EXPECT_EQ(r.decision.at("reason"), "uninspected_attachment");
    EXPECT_EQ(attachment_record(r).at("reason"), reason);
    EXPECT_EQ(attachment_record(r).at("uninspected"), "unreadable");
  }
  const auto clean =
      send(proxy, api, stream, part(api, Part::kPdf, fixture("clean.pdf"), "application/pdf"));
  EXPECT_EQ(clean.receiver, vendor_of(api));
}

// Every decision is audited before data leaves: when the decision record cannot be written, a
// request with an attachment (sensitive or clean) is forwarded nowhere, after its inspection.
TEST_P(Attachments, NothingLeavesWhenTheDecisionCannotBeAudited) {
  const auto [api, stream] = GetParam();
  ProxyHarness proxy(config("attachments_policy.yaml", ""));
  proxy.audit().set_fail(true);
  const std::size_t before =
      internal_->request_count() + openai_->request_count() + anthropic_->request_count();
  Client client(proxy.port());
  for (const char* name : {"card.pdf", "clean.pdf"}) {
    const Reply reply = client.post(
        path_of(api), request(api, stream, part(api, Part::kPdf, fixture(name), "application/pdf")),
        headers_of(api));
    expect_api_error(api, reply, 503, "audit_unavailable");
  }
  EXPECT_EQ(internal_->request_count() + openai_->request_count() + anthropic_->request_count(),
            before);
}

// Nothing raw in the audit log: no record of the request (decision, outcome) holds the card read
// from a PDF or an image, the extracted text, the file's bytes, or its file name.
TEST_P(Attachments, NoContentOrExtractedTextInAnyRecord) {
  const auto [api, stream] = GetParam();
  for (const auto& [name, type, kind] : {std::tuple{"card.pdf", "application/pdf", Part::kPdf},
                                         std::tuple{"card.png", "image/png", Part::kImage}}) {
    const std::string bytes = fixture(name);
    const auto r = send(*proxy_, api, stream, part(api, kind, bytes, type));
    ASSERT_EQ(r.receiver, internal_) << name;
    const auto records = proxy_->audit().records_for(r.reply.header("x-switchyard-request-id"));
    ASSERT_GE(records.size(), 2u);
    for (const auto& record : records) {
      const std::string text = json::serialize(record);
      EXPECT_THAT(text, Not(HasSubstr("4539"))) << name << ": " << text;
      EXPECT_THAT(text, Not(HasSubstr("6467"))) << name << ": " << text;
      EXPECT_THAT(text, Not(HasSubstr("Refund"))) << name << ": " << text;
      EXPECT_THAT(text, Not(HasSubstr(b64(bytes).substr(0, 24)))) << name;
      EXPECT_THAT(text, Not(HasSubstr("doc.pdf"))) << name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllApis, Attachments,
                         ::testing::Combine(::testing::Values(Api::kChat, Api::kResponses,
                                                              Api::kMessages),
                                            ::testing::Bool()),
                         [](const auto& info) {
                           return api_name(std::get<0>(info.param)) +
                                  (std::get<1>(info.param) ? "Stream" : "Json");
                         });

// Issue 16's bug: an Anthropic text document with a card, routed to an internal upstream that
// speaks only OpenAI, was refused 400 "cannot be translated". And a PDF document translated for a
// vendor of the other API arrives as that API's file part.
TEST(AttachmentTranslation, DocumentsCrossApis) {
  FakeUpstream internal, openai;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  openai.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
  ProxyHarness proxy("policy: " + std::string(SWITCHYARD_SOURCE_DIR) +
                     "/tests/integration/data/attachments_policy.yaml\n"
                     "upstreams:\n"
                     "  - { name: local, api: openai, base_url: \"" +
                     internal.base_url() +
                     "\", trust: internal }\n"
                     "  - { name: openai, api: openai, base_url: \"" +
                     openai.base_url() +
                     "\", trust: vendor }\n"
                     "routes: { internal: local, vendor: openai }\n");
  Client client(proxy.port());
  const json::value text_doc = json::object{
      {"type", "document"},
      {"title", "Refunds"},
      {"source", json::object{{"type", "text"},
                              {"media_type", "text/plain"},
                              {"data", "Refund approved for card 4539 1488 0343 6467"}}}};
  for (bool stream : {false, true}) {
    const Reply reply = client.post("/v1/messages", request(Api::kMessages, stream, text_doc),
                                    headers_of(Api::kMessages));
    EXPECT_EQ(reply.status, 200u) << reply.body;
    EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
    ASSERT_GE(internal.request_count(), 1u);
    const std::string sent = internal.requests().back().body;
    EXPECT_EQ(internal.requests().back().target, "/v1/chat/completions");
    EXPECT_THAT(sent, HasSubstr("Refunds\\n\\nRefund approved for card 4539 1488 0343 6467"));
  }
  EXPECT_EQ(openai.request_count(), 0u);

  // A clean PDF document for the OpenAI vendor: an OpenAI file part carrying the same bytes.
  const std::string pdf = fixture("clean.pdf");
  const Reply reply = client.post(
      "/v1/messages",
      request(Api::kMessages, false, part(Api::kMessages, Part::kPdf, pdf, "application/pdf")),
      headers_of(Api::kMessages));
  EXPECT_EQ(reply.status, 200u) << reply.body;
  ASSERT_EQ(openai.request_count(), 1u);
  const json::value sent = json::parse(openai.requests().back().body);
  const json::value& file_part = sent.at("messages").at(0).at("content").at(1);
  EXPECT_EQ(file_part.at("type"), "file");
  EXPECT_EQ(file_part.at("file").at("file_data"),
            json::value("data:application/pdf;base64," + b64(pdf)));
}

// Tool results carry screenshots (a computer-use tool, a browser tool): they are inspected like any
// attachment. The internal upstream speaks only OpenAI, whose tool messages hold text only: the
// Anthropic tool result's image reaches it in the user message that follows, never dropped.
TEST(AttachmentToolResults, AreInspectedAndCarriedAcrossApis) {
  FakeUpstream internal, openai, anthropic;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  openai.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
  anthropic.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-ANTHROPIC"); });
  ProxyHarness proxy(
      "policy: " + std::string(SWITCHYARD_SOURCE_DIR) +
      "/tests/integration/data/attachments_policy.yaml\n"
      "upstreams:\n"
      "  - { name: local, api: openai, base_url: \"" +
      internal.base_url() +
      "\", trust: internal }\n"
      "  - { name: openai, api: openai, base_url: \"" +
      openai.base_url() +
      "\", trust: vendor }\n"
      "  - { name: anthropic, api: anthropic, base_url: \"" +
      anthropic.base_url("") +
      "\", trust: vendor }\n"
      "routes: { internal: local, vendor: { openai: openai, anthropic: anthropic } }\n");
  Client client(proxy.port());
  auto messages = [&](const std::string& png, bool stream) {
    json::object body{
        {"model", "claude-sonnet-4"},
        {"max_tokens", 64},
        {"messages",
         json::array{
             json::object{{"role", "user"}, {"content", "Take a screenshot"}},
             json::object{{"role", "assistant"},
                          {"content", json::array{json::object{{"type", "tool_use"},
                                                               {"id", "toolu_1"},
                                                               {"name", "screenshot"},
                                                               {"input", json::object{}}}}}},
             json::object{{"role", "user"},
                          {"content", json::array{json::object{
                                          {"type", "tool_result"},
                                          {"tool_use_id", "toolu_1"},
                                          {"content", json::array{part(Api::kMessages, Part::kImage,
                                                                       png, "image/png")}}}}}}}}};
    if (stream) body["stream"] = true;
    return json::serialize(body);
  };
  auto responses = [&](const std::string& png, bool stream) {
    json::object body{
        {"model", "gpt-4o"},
        {"input",
         json::array{json::object{{"role", "user"}, {"content", "Take a screenshot"}},
                     json::object{{"type", "function_call"},
                                  {"call_id", "call_1"},
                                  {"name", "screenshot"},
                                  {"arguments", "{}"}},
                     json::object{{"type", "function_call_output"},
                                  {"call_id", "call_1"},
                                  {"output", json::array{part(Api::kResponses, Part::kImage, png,
                                                              "image/png")}}}}}};
    if (stream) body["stream"] = true;
    return json::serialize(body);
  };
  for (const bool stream : {false, true}) {
    for (const Api api : {Api::kMessages, Api::kResponses}) {
      const auto body = [&](const std::string& png) {
        return api == Api::kMessages ? messages(png, stream) : responses(png, stream);
      };
      const std::string label = api_name(api) + (stream ? " stream" : " json");
      const std::size_t before = internal.request_count();
      Reply reply = client.post(path_of(api), body(fixture("card.png")), headers_of(api));
      EXPECT_EQ(reply.status, 200u) << label << ": " << reply.body;
      EXPECT_EQ(reply.header("x-switchyard-route"), "internal") << label;
      ASSERT_EQ(internal.request_count(), before + 1) << label;
      const auto records = proxy.audit().records_for(reply.header("x-switchyard-request-id"));
      ASSERT_FALSE(records.empty()) << label;
      const auto& a = records[0].at("attachments").at(0);
      EXPECT_EQ(a.at("path"),
                api == Api::kMessages ? "/messages/2/content/0/content/0" : "/input/2/output/0")
          << label;
      EXPECT_EQ(a.at("inspected"), "ocr") << label;
      if (api == Api::kMessages) {
        // Translated for the OpenAI-only internal upstream: a tool message, then the image.
        const json::value sent = json::parse(internal.requests().back().body);
        const json::array& out = sent.at("messages").as_array();
        ASSERT_EQ(out.size(), 4u) << label << ": " << json::serialize(sent);
        EXPECT_EQ(out[2].at("role"), "tool");
        EXPECT_THAT(json::serialize(out[2].at("content")), HasSubstr("follows in the next user"));
        EXPECT_EQ(out[3].at("role"), "user");
        EXPECT_THAT(json::serialize(out[3].at("content")),
                    HasSubstr("data:image/png;base64," + b64(fixture("card.png"))));
      }
      // The same shape with a clean screenshot still goes to the vendor.
      reply = client.post(path_of(api), body(fixture("clean.png")), headers_of(api));
      EXPECT_EQ(reply.status, 200u) << label << ": " << reply.body;
      EXPECT_EQ(reply.header("x-switchyard-route"), "vendor") << label;
    }
  }
}

// A file in a shape no API lists (a new part type): inspected all the same, never passed as
// opaque text. Sensitive: internal; clean: vendor; unknown bytes: the uninspected handling.
TEST(AttachmentShapes, UnlistedShapesAreStillInspected) {
  FakeUpstream internal, openai;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  openai.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
  ProxyHarness proxy("policy: " + std::string(SWITCHYARD_SOURCE_DIR) +
                     "/tests/integration/data/attachments_policy.yaml\n"
                     "upstreams:\n"
                     "  - { name: local, api: openai, base_url: \"" +
                     internal.base_url() +
                     "\", trust: internal }\n"
                     "  - { name: openai, api: openai, base_url: \"" +
                     openai.base_url() +
                     "\", trust: vendor }\n"
                     "routes: { internal: local, vendor: openai }\n");
  Client client(proxy.port());
  struct Case {
    json::value part;
    std::string route;
  };
  const std::vector<Case> cases = {
      // A future part type with its file in a data: URL.
      {json::object{{"type", "input_scan"},
                    {"scan_url", "data:application/pdf;base64," + b64(fixture("card.pdf"))}},
       "internal"},
      {json::object{{"type", "input_scan"},
                    {"scan_url", "data:application/pdf;base64," + b64(fixture("clean.pdf"))}},
       "vendor"},
      // Bare base64 of a PNG under a key nobody knows.
      {json::object{{"type", "input_picture"}, {"picture", b64(fixture("card.png"))}}, "internal"},
      // Audio in a new shape: never read, so not to the vendor.
      {json::object{{"type", "input_voice"}, {"voice", "data:audio/wav;base64,UklGRgAAAABXQVZF"}},
       "internal"},
  };
  for (const auto& c : cases) {
    const Reply reply = client.post("/v1/responses", request(Api::kResponses, false, c.part),
                                    headers_of(Api::kResponses));
    EXPECT_EQ(reply.status, 200u) << json::serialize(c.part).substr(0, 80) << ": " << reply.body;
    EXPECT_EQ(reply.header("x-switchyard-route"), c.route) << json::serialize(c.part).substr(0, 80);
  }
}

TEST(AttachmentPolicy, UninspectedBlockAndVendorPerKind) {
  FakeUpstream internal, vendor;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
  ProxyHarness proxy("policy: " + std::string(SWITCHYARD_SOURCE_DIR) +
                     "/tests/integration/data/attachments_block_policy.yaml\n"
                     "upstreams:\n"
                     "  - { name: local, api: openai, base_url: \"" +
                     internal.base_url() +
                     "\", trust: internal }\n"
                     "  - { name: openai, api: openai, base_url: \"" +
                     vendor.base_url() +
                     "\", trust: vendor }\n"
                     "routes: { internal: local, vendor: openai }\n");
  Client client(proxy.port());
  Reply reply = client.post("/v1/chat/completions",
                            request(Api::kChat, false, part(Api::kChat, Part::kFileId, "", "")),
                            headers_of(Api::kChat));
  EXPECT_EQ(reply.status, 403u) << reply.body;
  EXPECT_THAT(reply.body,
              HasSubstr("messages[0].content[1] could not be inspected (file_reference)"));
  reply = client.post("/v1/chat/completions",
                      request(Api::kChat, false, part(Api::kChat, Part::kRemoteImage, "", "")),
                      headers_of(Api::kChat));
  EXPECT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.header("x-switchyard-route"), "vendor");
  EXPECT_EQ(internal.request_count(), 0u);
  EXPECT_EQ(vendor.request_count(), 1u);
}

TEST(AttachmentLimits, DeadlineLeavesTheAttachmentUninspected) {
  FakeUpstream internal, vendor;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
  ProxyHarness proxy("policy: " + std::string(SWITCHYARD_SOURCE_DIR) +
                     "/tests/integration/data/attachments_policy.yaml\n"
                     "upstreams:\n"
                     "  - { name: local, api: openai, base_url: \"" +
                     internal.base_url() +
                     "\", trust: internal }\n"
                     "  - { name: openai, api: openai, base_url: \"" +
                     vendor.base_url() +
                     "\", trust: vendor }\n"
                     "routes: { internal: local, vendor: openai }\n"
                     "attachments: { timeout_ms: 1 }\n");
  Client client(proxy.port());
  const Reply reply = client.post(
      "/v1/chat/completions",
      request(Api::kChat, false, part(Api::kChat, Part::kImage, fixture("clean.png"), "image/png")),
      headers_of(Api::kChat));
  EXPECT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");  // unread: not to the vendor
  const auto records = proxy.audit().records_for(reply.header("x-switchyard-request-id"));
  ASSERT_FALSE(records.empty());
  const auto& a = records[0].at("attachments").at(0);
  EXPECT_EQ(a.at("uninspected"), "over_limit");
  EXPECT_EQ(vendor.request_count(), 0u);
  EXPECT_EQ(proxy.metrics().attachments(attachments::Kind::kImage, "over_limit"), 1u);
}

TEST(AttachmentLimits, AClientThatLeavesCancelsItsInspection) {
  FakeUpstream internal, vendor;
  ProxyHarness proxy("policy: " + std::string(SWITCHYARD_SOURCE_DIR) +
                     "/tests/integration/data/attachments_policy.yaml\n"
                     "upstreams:\n"
                     "  - { name: local, api: openai, base_url: \"" +
                     internal.base_url() +
                     "\", trust: internal }\n"
                     "  - { name: openai, api: openai, base_url: \"" +
                     vendor.base_url() +
                     "\", trust: vendor }\n"
                     "routes: { internal: local, vendor: openai }\n"
                     "attachments: { jobs: 1 }\n");
  // The dense screenshot takes the pool's one thread for a while; the client sends and closes.
  const std::string body =
      request(Api::kChat, false, part(Api::kChat, Part::kImage, fixture("dense.png"), "image/png"));
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), proxy.port()});
    const std::string raw =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
        "Authorization: Bearer k\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    boost::asio::write(socket, boost::asio::buffer(raw));
    socket.close();
  }
  // The outcome says the client went away; nothing was decided or sent anywhere.
  ASSERT_TRUE(proxy.audit().wait_for_event("outcome", 1));
  std::vector<json::object> records;
  for (const auto& r : proxy.audit().records()) {
    if (r.at("event") == "outcome") records.push_back(r);
  }
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("status"), 499);
  EXPECT_EQ(records[0].at("error"), "client_disconnected");
  EXPECT_EQ(internal.request_count() + vendor.request_count(), 0u);
  for (const auto& r : proxy.audit().records()) EXPECT_NE(r.at("event"), "decision");
  // The pool stopped the OCR (or dropped the task) instead of finishing it for nobody.
  auto& pool = *proxy.server().inspection_pool();
  for (int i = 0; i < 3000 && pool.cancelled_tasks() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(pool.cancelled_tasks(), 1u);
}

}  // namespace
}  // namespace switchyard::testing

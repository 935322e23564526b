// Attachment inspection against real files: PDFs printed by Chromium (text, scanned, encrypted,
// cut short), images drawn by ImageMagick in five formats, text documents, and the limits, the
// budget and the cancel flag. Also the pool: bounded queue, cancelled tasks dropped, and OCR that
// starts no OpenMP threads of its own.
#include <gtest/gtest.h>

#include <dirent.h>
#include <unistd.h>

#include <fstream>

#include <future>
#include <random>

#include "adapters/attachments/data_url.h"
#include "fixtures/attachment_fixtures.h"
#include "proxy/inspection/inspection_pool.h"
#include "proxy/inspection/inspector.h"

namespace switchyard::inspection {
namespace {

using attachments::Inspected;
using attachments::Kind;
using attachments::Uninspected;
using testing::fixture;

constexpr std::string_view kCard = "4539148803436467";

std::string digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

std::string data_dir() {
  for (const char* dir :
       {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"}) {
    if (access(dir, R_OK) == 0) return dir;
  }
  return "/usr/share/tesseract-ocr/5/tessdata";
}

// Inspects one inline attachment given as raw bytes with a declared type.
class Inspect {
 public:
  Inspect() { limits.ocr_data = data_dir(); }

  InspectionOutcome run(const std::string& bytes, std::string declared, bool data_url = true) {
    AttachmentInput input;
    input.attachment.pointer = "/messages/0/content/1";
    input.attachment.source = attachments::Source::kInline;
    input.attachment.declared_type = declared;
    input.attachment.data_url = data_url;
    input.payload = data_url ? "data:" + declared + ";base64," + attachments::encode_base64(bytes)
                             : attachments::encode_base64(bytes);
    input.attachment.encoded_bytes = input.payload.size();
    InspectionContext context;
    context.limits = &limits;
    context.ocr = [this] {
      if (!engine) engine = std::make_unique<OcrEngine>(limits.ocr_data, "eng");
      return engine.get();
    };
    context.cancel = &cancel;
    context.deadline = deadline;
    return inspect_attachments({input}, context);
  }

  attachments::AttachmentLimits limits;
  std::atomic<bool> cancel{false};
  Clock::time_point deadline = Clock::time_point::max();
  std::unique_ptr<OcrEngine> engine;
};

// The texts read from PDF pages or TIFF pages (not the document's metadata or attached files).
std::vector<ExtractedText> page_texts(const InspectionOutcome& outcome) {
  std::vector<ExtractedText> out;
  for (const auto& t : outcome.texts) {
    if (t.path.find("#page=") != std::string::npos) out.push_back(t);
  }
  return out;
}

std::string all_text(const InspectionOutcome& outcome) {
  std::string text;
  for (const auto& t : outcome.texts) text += t.text + "\n";
  return text;
}

TEST(Inspection, PdfTextOfEveryPageWithItsPointer) {
  Inspect inspect;
  const auto outcome = inspect.run(fixture("card.pdf"), "application/pdf");
  const auto& report = outcome.reports.at(0);
  EXPECT_EQ(report.kind, Kind::kPdf);
  EXPECT_EQ(report.inspected, Inspected::kPdfText);
  EXPECT_EQ(report.pages, 2u);
  EXPECT_FALSE(report.uninspected) << report.reason;
  const auto pages = page_texts(outcome);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].path, "/messages/0/content/1#page=2");
  EXPECT_EQ(digits(pages[1].text), kCard);
  EXPECT_EQ(digits(pages[0].text), "");
  // Chromium names the document after its file: the title is read as well.
  EXPECT_EQ(outcome.texts.back().path, "/messages/0/content/1#metadata");
  EXPECT_EQ(outcome.texts.back().text, "card.html");
}

TEST(Inspection, ScannedPdfPagesAreOcrd) {
  Inspect inspect;
  const auto outcome = inspect.run(fixture("scanned.pdf"), "application/pdf");
  const auto& report = outcome.reports.at(0);
  EXPECT_EQ(report.inspected, Inspected::kOcr);
  EXPECT_FALSE(report.uninspected) << report.reason;
  EXPECT_NE(digits(all_text(outcome)).find(kCard), std::string::npos) << all_text(outcome);
}

TEST(Inspection, ImagesInEveryFormatAreOcrd) {
  for (const auto& [file, type] :
       std::vector<std::pair<std::string, std::string>>{{"card.png", "image/png"},
                                                        {"card.jpg", "image/jpeg"},
                                                        {"card.webp", "image/webp"},
                                                        {"card.gif", "image/gif"},
                                                        {"card.tiff", "image/tiff"}}) {
    Inspect inspect;
    const auto outcome = inspect.run(fixture(file), type);
    const auto& report = outcome.reports.at(0);
    EXPECT_EQ(report.kind, Kind::kImage) << file;
    EXPECT_EQ(report.media_type, type) << file;
    EXPECT_EQ(report.inspected, Inspected::kOcr) << file;
    EXPECT_NE(digits(all_text(outcome)).find(kCard), std::string::npos)
        << file << ": " << all_text(outcome);
    ASSERT_FALSE(outcome.texts.empty());
    EXPECT_EQ(outcome.texts[0].path, "/messages/0/content/1#ocr");
  }
}

TEST(Inspection, AFreshImageIsReadNotRemembered) {
  // A number drawn now, so no fixture could hold the answer.
  std::mt19937 random(std::random_device{}());
  const std::string number = std::to_string(100000 + random() % 900000);
  const std::string path = testing::fixture_dir() + "/fresh-" + number + ".png";
  const std::string command =
      "convert -size 700x120 xc:white -font DejaVu-Sans -pointsize 30 "
      "-fill black -annotate +20+70 'Order " +
      number + " shipped' '" + path + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  Inspect inspect;
  const auto outcome = inspect.run(bytes, "image/png");
  EXPECT_NE(digits(all_text(outcome)).find(number), std::string::npos) << all_text(outcome);
}

TEST(Inspection, EveryPageOfATiffAndEveryFrameOfAnAnimationCounts) {
  Inspect inspect;
  // A fax: the card is on the second page only.
  const auto tiff = inspect.run(fixture("pages.tiff"), "image/tiff");
  const auto& pages = tiff.reports.at(0);
  EXPECT_EQ(pages.inspected, Inspected::kOcr);
  EXPECT_EQ(pages.pages, 2u);
  EXPECT_FALSE(pages.uninspected) << pages.reason;
  ASSERT_EQ(tiff.texts.size(), 2u) << all_text(tiff);
  EXPECT_EQ(tiff.texts[1].path, "/messages/0/content/1#page=2");
  EXPECT_NE(digits(tiff.texts[1].text).find(kCard), std::string::npos) << tiff.texts[1].text;

  Inspect few;
  few.limits.max_pages = 1;
  EXPECT_EQ(few.run(fixture("pages.tiff"), "image/tiff").reports.at(0).reason, "pages_over_limit");

  // An animation: Leptonica reads its first frame; the card on the second is not silently lost.
  const auto gif = inspect.run(fixture("animated.gif"), "image/gif");
  const auto& animated = gif.reports.at(0);
  EXPECT_EQ(animated.inspected, Inspected::kOcr);
  EXPECT_EQ(animated.uninspected, Uninspected::kUnreadable);
  EXPECT_EQ(animated.reason, "animated");
}

TEST(Inspection, PdfTextOutsideItsPagesCounts) {
  Inspect inspect;
  // Clean pages, and the card in a CSV attached to the PDF.
  const auto attached = inspect.run(fixture("attached.pdf"), "application/pdf");
  EXPECT_FALSE(attached.reports.at(0).uninspected) << attached.reports.at(0).reason;
  bool found = false;
  for (const auto& t : attached.texts) {
    if (t.path == "/messages/0/content/1#embedded=1") {
      found = digits(t.text).find(kCard) != std::string::npos;
    }
  }
  EXPECT_TRUE(found) << all_text(attached);
  // Clean pages, and the card in the document's title.
  const auto titled = inspect.run(fixture("titled.pdf"), "application/pdf");
  ASSERT_FALSE(titled.texts.empty());
  EXPECT_EQ(titled.texts.back().path, "/messages/0/content/1#metadata");
  EXPECT_NE(digits(titled.texts.back().text).find(kCard), std::string::npos);
}

// Header-only measures: a GIF or BMP that claims 65535 x 65535 pixels is refused by max_pixels
// before anything is decoded (Leptonica's own header query would decode it in full).
TEST(Inspection, DecompressionBombsAreMeasuredBeforeDecoding) {
  std::string gif = "GIF89a";
  gif += std::string("\xff\xff\xff\xff\x00\x00\x00", 7);  // 65535 x 65535, no color table
  gif += std::string("\x2c\0\0\0\0\xff\xff\xff\xff\x00\x08\x02\x4c\x01\x00\x3b", 16);
  std::string bmp = "BM";
  bmp += std::string(12, '\0');
  bmp += std::string("\x28\0\0\0\xff\xff\x00\x00\xff\xff\x00\x00\x01\x00\x18\x00", 16);
  bmp += std::string(64, '\0');
  for (const auto& [bytes, type] : {std::pair{gif, "image/gif"}, std::pair{bmp, "image/bmp"}}) {
    Inspect inspect;
    const auto outcome = inspect.run(bytes, type);
    EXPECT_EQ(outcome.reports.at(0).reason, "pixels_over_limit") << type;
  }
}

TEST(Inspection, TheBytesDecideTheTypeNotTheLabel) {
  Inspect inspect;
  const auto outcome = inspect.run(fixture("card.pdf"), "image/png");
  const auto& report = outcome.reports.at(0);
  EXPECT_EQ(report.kind, Kind::kPdf);
  EXPECT_EQ(report.media_type, "application/pdf");
  EXPECT_EQ(report.declared_type, "image/png");
  EXPECT_NE(digits(all_text(outcome)).find(kCard), std::string::npos);

  const auto csv = inspect.run(fixture("card.csv"), "application/pdf");
  EXPECT_EQ(csv.reports.at(0).inspected, Inspected::kText);
  EXPECT_EQ(csv.texts.at(0).path, "/messages/0/content/1#text");
  EXPECT_NE(digits(all_text(csv)).find(kCard), std::string::npos);
}

TEST(Inspection, WhatCannotBeReadSaysWhy) {
  Inspect inspect;
  auto reason = [&](const std::string& bytes, const std::string& type) {
    const auto outcome = inspect.run(bytes, type);
    const auto& r = outcome.reports.at(0);
    return std::string(r.uninspected ? attachments::to_string(*r.uninspected) : "read") + ":" +
           r.reason;
  };
  EXPECT_EQ(reason(fixture("encrypted.pdf"), "application/pdf"), "unreadable:encrypted");
  EXPECT_EQ(reason(fixture("corrupt.pdf"), "application/pdf"), "unreadable:corrupt");
  EXPECT_EQ(reason(fixture("garbage.bin"), "image/png"), "unreadable:unsupported_type");
  EXPECT_EQ(reason(std::string("\x89PNG\r\n\x1a\nnot really", 18), "image/png"),
            "unreadable:corrupt");
  EXPECT_EQ(reason(std::string("RIFF\x10\0\0\0WAVEfmt ", 16), "application/pdf"),
            "audio_video:audio");
}

TEST(Inspection, LimitsLeaveTheRestUninspected) {
  Inspect pages;
  pages.limits.max_pages = 1;
  auto outcome = pages.run(fixture("card.pdf"), "application/pdf");
  EXPECT_EQ(outcome.reports.at(0).reason, "pages_over_limit");
  EXPECT_EQ(outcome.reports.at(0).uninspected, Uninspected::kOverLimit);
  EXPECT_EQ(page_texts(outcome).size(), 1u);  // the first page was still read

  Inspect pixels;
  pixels.limits.max_pixels = 1000;
  EXPECT_EQ(pixels.run(fixture("card.png"), "image/png").reports.at(0).reason, "pixels_over_limit");
  EXPECT_EQ(pixels.run(fixture("scanned.pdf"), "application/pdf").reports.at(0).reason,
            "pixels_over_limit");

  Inspect bytes;
  bytes.limits.max_bytes = 100;
  EXPECT_EQ(bytes.run(fixture("card.png"), "image/png").reports.at(0).reason, "bytes_over_limit");

  Inspect off;
  off.limits.ocr = false;
  EXPECT_EQ(off.run(fixture("card.png"), "image/png").reports.at(0).reason, "ocr_disabled");
  const auto scanned = off.run(fixture("scanned.pdf"), "application/pdf");
  EXPECT_EQ(scanned.reports.at(0).reason, "ocr_disabled");
  EXPECT_EQ(scanned.reports.at(0).uninspected, Uninspected::kUnreadable);

  Inspect budget;
  budget.limits.ocr_time = std::chrono::milliseconds(1);
  EXPECT_EQ(budget.run(fixture("dense.png"), "image/png").reports.at(0).reason,
            "ocr_time_over_limit");

  Inspect late;
  late.deadline = Clock::now();
  EXPECT_EQ(late.run(fixture("card.pdf"), "application/pdf").reports.at(0).reason, "timeout");

  Inspect cancelled;
  cancelled.cancel = true;
  const auto stopped = cancelled.run(fixture("card.png"), "image/png");
  EXPECT_TRUE(stopped.cancelled);
  EXPECT_EQ(stopped.reports.at(0).reason, "cancelled");
}

TEST(Inspection, MalformedBase64IsTheClientsError) {
  Inspect inspect;
  AttachmentInput input;
  input.attachment.pointer = "/p";
  input.attachment.source = attachments::Source::kInline;
  input.attachment.data_url = true;
  input.payload = "data:image/png;base64,@@@not base64@@@";
  InspectionContext context;
  context.limits = &inspect.limits;
  const auto outcome = inspect_attachments({input}, context);
  EXPECT_EQ(outcome.malformed, 0u);
}

std::size_t thread_count() {
  std::size_t n = 0;
  if (DIR* dir = opendir("/proc/self/task")) {
    while (dirent* entry = readdir(dir)) {
      if (entry->d_name[0] != '.') ++n;
    }
    closedir(dir);
  }
  return n;
}

TEST(InspectionPool, RunsTasksOffTheCallerWithoutOpenMpThreads) {
  attachments::AttachmentLimits limits;
  limits.ocr_data = data_dir();
  limits.jobs = 1;
  limits.queue = 1;
  const std::size_t before = thread_count();
  InspectionPool pool(limits);
  EXPECT_EQ(pool.threads(), 1u);

  auto task = std::make_shared<InspectionTask>();
  AttachmentInput input;
  input.attachment.pointer = "/p";
  input.attachment.source = attachments::Source::kInline;
  input.attachment.data_url = true;
  input.attachment.declared_type = "image/png";
  input.payload = "data:image/png;base64," + attachments::encode_base64(fixture("dense.png"));
  task->inputs.push_back(input);
  std::promise<std::thread::id> ran_on;
  task->done = [&] { ran_on.set_value(std::this_thread::get_id()); };
  ASSERT_TRUE(pool.submit(task));
  auto future = ran_on.get_future();
  EXPECT_NE(future.get(), std::this_thread::get_id());
  EXPECT_EQ(task->outcome.reports.at(0).inspected, Inspected::kOcr);
  // Tesseract ran its OpenMP regions on the pool thread: nothing but that thread was added.
  EXPECT_EQ(thread_count(), before + 1);
}

TEST(InspectionPool, BoundedQueueAndCancelledTasksDropped) {
  attachments::AttachmentLimits limits;
  limits.ocr_data = data_dir();
  limits.jobs = 1;
  limits.queue = 1;
  InspectionPool pool(limits);
  // The first task holds the only thread until released; the second waits; the third is refused.
  std::promise<void> release;
  auto gate = release.get_future().share();
  auto blocker = std::make_shared<InspectionTask>();
  AttachmentInput slow;
  slow.attachment.pointer = "/p";
  slow.attachment.source = attachments::Source::kInline;
  slow.attachment.data_url = true;
  slow.payload = "data:text/plain;base64," + attachments::encode_base64("hello");
  blocker->inputs.push_back(slow);
  std::atomic<bool> blocked{false};
  blocker->done = [&] {
    blocked = true;
    gate.wait();
  };
  ASSERT_TRUE(pool.submit(blocker));
  while (!blocked) std::this_thread::yield();  // the thread is now busy in done()
  auto waiting = std::make_shared<InspectionTask>();
  std::atomic<bool> waiting_done{false};
  waiting->done = [&] { waiting_done = true; };
  ASSERT_TRUE(pool.submit(waiting));
  EXPECT_FALSE(pool.submit(std::make_shared<InspectionTask>()));
  waiting->cancel = true;  // its request went away while it was queued
  release.set_value();
  // Dropped without any work, and still told so: nobody waits for a task that never ends (the
  // count and the callback come from the pool's thread, one after the other).
  while (pool.cancelled_tasks() == 0 || !waiting_done) std::this_thread::yield();
  EXPECT_TRUE(waiting->outcome.cancelled);
}

TEST(InspectionPool, StoppingCallsBackWhatItDrops) {
  attachments::AttachmentLimits limits;
  limits.ocr_data = data_dir();
  limits.jobs = 1;
  limits.queue = 4;
  std::promise<void> release;
  auto gate = release.get_future().share();
  std::atomic<bool> blocked{false};
  auto queued = std::make_shared<InspectionTask>();
  AttachmentInput input;
  input.attachment.pointer = "/p";
  input.attachment.source = attachments::Source::kInline;
  input.attachment.declared_type = "image/png";
  queued->inputs.push_back(input);
  std::atomic<int> queued_done{0};
  queued->done = [&] { ++queued_done; };
  auto pool = std::make_unique<InspectionPool>(limits);
  auto blocker = std::make_shared<InspectionTask>();
  blocker->done = [&] {
    blocked = true;
    gate.wait();
  };
  ASSERT_TRUE(pool->submit(blocker));
  while (!blocked) std::this_thread::yield();
  ASSERT_TRUE(pool->submit(queued));
  // The pool stops with `queued` still waiting: it is called back before the running task ends.
  std::thread stopper([&] { pool.reset(); });
  while (queued_done.load() == 0) std::this_thread::yield();
  release.set_value();
  stopper.join();
  EXPECT_EQ(queued_done.load(), 1);
  EXPECT_TRUE(queued->outcome.cancelled);
  ASSERT_EQ(queued->outcome.reports.size(), 1u);
  EXPECT_EQ(queued->outcome.reports[0].reason, "cancelled");
}

}  // namespace
}  // namespace switchyard::inspection

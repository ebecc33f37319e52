package org.yunxie.admin.round;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.NotFound;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.Scoped;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.ballot.RecordingOfflineBallot;
import org.yunxie.core.shared.Result;

/** Staff enter a paper, phone or proxy ballot with a note of the evidence and, if they have one, its photo. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/rounds/{roundId}")
class BallotEntryController {

    private static final int NOTE_LENGTH = 400;

    private final Scoped scoped;
    private final RecordingOfflineBallot recording;
    private final EvidencePhotos photos;
    private final CurrentAccount current;
    private final ConsoleText text;

    BallotEntryController(Scoped scoped, RecordingOfflineBallot recording, EvidencePhotos photos,
                          CurrentAccount current, ConsoleText text) {
        this.scoped = scoped;
        this.recording = recording;
        this.photos = photos;
        this.current = current;
        this.text = text;
    }

    @PostMapping("/ballots")
    @Requires(Capability.RUN_ROUNDS)
    String enter(@PathVariable long communityId, @PathVariable long roundId, @RequestParam long householdId,
                 @RequestParam(required = false) List<String> choice, @RequestParam("how") OfflineKind kind,
                 @RequestParam String evidence, @RequestParam(required = false) MultipartFile photo,
                 HttpServletRequest request, RedirectAttributes flash) throws IOException {
        scoped.round(communityId, roundId);
        scoped.household(communityId, householdId);
        String note = evidence == null ? "" : evidence.strip();
        if (note.length() > NOTE_LENGTH) {
            note = note.substring(0, NOTE_LENGTH);
        }
        if (photo != null && !photo.isEmpty() && !note.isEmpty()) {
            Optional<String> stored = photos.store(roundId, householdId, photo);
            if (stored.isEmpty()) {
                flash.addFlashAttribute("problem", text.text("console.ballot.bad-photo"));
                return back(communityId, roundId);
            }
            note = note + " [" + text.text("console.ballot.photo") + " " + stored.get() + "]";
        }
        Result<BallotRecorded> recorded = recording.record(roundId, householdId,
                choice == null ? List.of() : choice, kind, note, current.of(request).actor());
        if (recorded instanceof Result.Refused<BallotRecorded> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
        } else {
            BallotRecorded done = recorded.orElseThrow();
            flash.addFlashAttribute("notice", text.text("console.ballot.recorded", done.unitLabel(),
                    done.round().number(), done.receipt()));
        }
        return back(communityId, roundId);
    }

    @GetMapping("/evidence/{file:.+}")
    ResponseEntity<FileSystemResource> photo(@PathVariable long communityId, @PathVariable long roundId,
                                             @PathVariable String file) {
        scoped.round(communityId, roundId);
        Path found = photos.find(roundId, file).orElseThrow(NotFound::new);
        return ResponseEntity.ok()
                .contentType(file.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(found));
    }

    private static String back(long communityId, long roundId) {
        return "redirect:/admin/c/" + communityId + "/rounds/" + roundId;
    }
}

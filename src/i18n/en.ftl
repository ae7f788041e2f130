### Every string a patient reads that is not checklist content: the walk, the sheet, the
### reminders, and the messages of walk, sheet, answers and forget. One file per language,
### with the same message ids (a test checks that es.ftl has every one of them).

## Always on: the medication statement.
medication-statement = Only your doctor can change your medicines. Do not stop any medicine, do not skip a dose, and do not change how you take it, unless your doctor or care team tells you to.

## Dates and times in words: "Thursday, December 10, 2026", "7:30 AM".
date-long = { $weekday }, { $month } { $day }, { $year }
time-of-day = { $hour12 }:{ $minute } { $half }
half-am = AM
half-pm = PM
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## How far a day is from today.
days-away =
    { $days ->
        [0] today
        [1] tomorrow
        [-1] yesterday
       *[other] { $future ->
            [yes] in { $count } days
           *[no] { $count } days ago
        }
    }

## Lists in words: "a and b", "a, b and c".
list-two = { $first } and { $last }
list-more = { $rest } and { $last }

## Answers in words.
answer-yes = yes
answer-no = no
answer-none = none
answer-read = read
answer-not-known = not known yet
answer-not-given = not answered

## What a medicine is, after its name on the sheet.
group-blood-thinner = a blood thinner
group-pain-reliever = a pain reliever that can make you bleed more
group-other-pain-reliever = a pain reliever
group-supplement = a supplement or herb
group-prescription-fish-oil = a prescription fish oil
group-stomach-medicine = a stomach medicine that has salicylate in it
medicine-named = a medicine you named
medicine-about = { $name }, { $what }

## The sheet.
sheet-name = Name
sheet-procedure = Procedure
sheet-step = Step
sheet-date = Date
sheet-arrive = Arrive at
sheet-made-on = Made on
sheet-when-date = { $date } ({ $away })
sheet-calls = Call your care team
# The call a blood thinner asks for: it names the medicines, never what to do with them.
sheet-call-blood-thinners = Call your care team soon about your { $count ->
        [one] blood thinner
       *[other] blood thinners
    }: { $medicines }.
sheet-call-questions = Call your care team with the questions on this sheet.
sheet-calls-none = No calls to make yet.
sheet-expect = What to expect
sheet-expect-none = Say which step you are getting ready for, and this part will tell you what to expect.
sheet-todo = Still to do
sheet-todo-none = Nothing left on your list.
sheet-questions = Questions to ask your care team
sheet-questions-more = More questions for your care team
sheet-questions-blood-thinners = Questions about your blood thinners
sheet-questions-pain-medicines = Questions about your pain medicines
sheet-questions-supplements = Questions about your supplements and other medicines
sheet-questions-other-medicines = Questions about your medicines
sheet-questions-none = None yet. Write down any you think of.
sheet-about = About { $about }
sheet-ride = Your ride home
sheet-bring = What to bring
sheet-bring-ask = Ask your care team what to bring, and write it here.
sheet-line-to-write-on = A line to write on
sheet-care-team = Your care team
sheet-not-set = Not set yet.
sheet-answer-the-question = Answer: { $question }

## Calendar reminders.
reminder-urgent = Call your care team
reminder-todo = Still to do before your procedure
reminder-questions = Call your care team with your questions
reminder-ride = Your ride home
reminder-ride-call = Call the person who takes you home to plan the ride. If you will stay overnight, tell them which day to come.
reminder-bring = Pack what to bring tomorrow
reminder-bring-written = What you wrote under "What to bring" on your sheet
reminder-arrive = Arrive at { $time }.
reminder-tomorrow = Tomorrow: { $procedure }.
reminder-today = Today: { $procedure }.

## The walk.
walk-welcome = prepcheck asks { $questions }, one at a time. It takes about { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }. Then you get a sheet to print and bring with you.
# How many questions: "at least" while earlier answers may still add some.
walk-questions = { $more ->
        [yes] { $questions ->
            [one] at least 1 question
           *[other] at least { $questions } questions
        }
       *[no] { $questions ->
            [one] 1 question
           *[other] { $questions } questions
        }
    }
walk-saved-in = Each answer is saved at once, in { $path }.
walk-how-to-stop = To stop, press Ctrl-C. To carry on later, run { $command }.
walk-saved-answers = You have saved answers in { $path }.
walk-what-now = What would you like to do?
walk-carry-on = Carry on where I stopped
walk-see-sheet = See my reminder sheet
walk-change = Change an earlier answer
walk-start-over = Start over (your old answers are kept in a backup file)
walk-which-change = Which answer do you want to change?
walk-progress = Question { $number } of { $more ->
        [yes] at least { $total }
       *[no] { $total }
    }: { $section }
walk-dropped = With that answer, these no longer apply, so their answers were taken off: { $questions }.
walk-could-not-save = Could not save your answer: { $why }
walk-hint-name = It goes on your sheet, so the clinic knows the sheet is yours. You can leave it blank.
walk-hint-phone = Type it like 555-123-4567, with ext 12 if there is one. Leave it blank if you do not know it yet.
walk-hint-time = Type it like 7:30 am, 8 in the morning, 14:00 or noon. Leave it blank if you do not know it yet.
walk-hint-text = Leave it blank and press Enter if you do not know yet.
walk-hint-date = You can type it like: Dec 10, tomorrow, or next Thursday. Leave it blank if you do not know it yet.
walk-saved-as = Saved: { $answer }.
walk-is-that-right = { $answer }. Is that right?
walk-medicines-full = That is the most names this list keeps ({ $most }). Leave it blank and press Enter, and tell your care team about the others.
walk-all-done = All done. Your answers:
walk-they-are-saved = They are saved in { $path }.
walk-too-long = That is more than { $limit } letters. Please make it shorter.
walk-which-day = Which { $weekday } do you mean?
walk-which-time = Is that in the morning or in the afternoon?
# A time in words, for its read-back: "7:30 in the morning", "12:00 noon".
time-in-words = { $time } { $part ->
        [small] in the morning
        [morning] in the morning
        [noon] noon
        [afternoon] in the afternoon
        [evening] in the evening
       *[night] at night
    }
walk-check-again = With that change, please check these answers again: { $questions }.
walk-none-of-these = You take none of these?
walk-you-take = You take: { $medicines }. Is that right?
walk-none-and-others = "None of these" cannot go with a medicine. Uncheck the medicines first, or leave "None of these" unchecked.
walk-medicine-too-long = That name is more than { $limit } letters. Please make it shorter.
walk-changed = This checklist has changed since your answers were saved. { $kept ->
        [one] 1 answer still fits.
       *[other] { $kept } answers still fit.
    }
walk-answer-again = Please answer these again: { $questions }.
walk-gone = { $gone ->
        [one] 1 answer belonged to questions that are gone.
       *[other] { $gone } answers belonged to questions that are gone.
    }
walk-kept-in = Your answers as they were are kept in { $path }.
walk-starting-over = Starting over. Your old answers are kept in { $backup }. New answers are saved in { $path }.

## The keys, on the terminal.
keys-yes-no = Up and down arrows, or Y and N: choose. Enter: answer.
keys-one = Up and down arrows: move. Enter: choose.
keys-several = Up and down arrows: move. Space: check or uncheck. Enter: done (with nothing checked if none apply).
keys-medicines = Up and down arrows: move. Space: check or uncheck. To find or add a medicine, type its name. Enter: done.
keys-medicines-typing = Up and down arrows: move. Enter: check the row marked >. Backspace: change the name. Esc: clear the name.
keys-text = Type your answer, then press Enter.
keys-read = Press Enter when you have read it.
keys-read-on = Enter or down arrow: read on.
keys-back = Esc: go back.
choice-yes = Yes
choice-no = No
choice-go-on = OK, go on
choose-yes-no = Choose Yes or No, then press Enter.
choose-one = Choose one with the arrows, then press Enter.
row-none-of-these = None of these
row-typed = { $name } (as you typed it)
row-add-typed = Add "{ $name }" as another medicine
row-add-typed-supplement = Add "{ $name }" as another supplement or herb
row-add-known = Add { $medicine }
list-typed = You typed: { $typed }
your-answer-now = Your answer now: { $answer }
sorry = Sorry: { $problem }
more-above = { $count ->
        [one] (1 more line above)
       *[other] ({ $count } more lines above)
    }
more-below = { $count ->
        [one] (1 more line below)
       *[other] ({ $count } more lines below)
    }

## The keys, in screen-reader mode.
lines-important = Important: { $text }
lines-back = Type back to go back, or help to hear this again.
lines-help = Type help to hear this again.
lines-yes-no = Type yes or no, then press Enter.
lines-one = Type the number of your choice, then press Enter.
lines-several-none = Type the numbers of all that apply, with commas or spaces between them, then press Enter. Enter alone means none apply.
lines-several-keep = Type the numbers of all that apply, with commas or spaces between them, then press Enter. Enter alone keeps the checked ones; none means none apply.
lines-text = Type your answer, then press Enter.
lines-text-keep = Type your answer, then press Enter. Enter alone keeps your answer.
lines-read = Press Enter to go on.
lines-medicines = Type the numbers or the names of all you take, with commas between them, then press Enter. Type none if you take none of these.
lines-medicines-keep = Type the numbers or the names of all you take, with commas between them, then press Enter. Enter alone keeps the checked ones; none means you take none of these.
lines-not-readable = Sorry, I could not read that. Please type it again.
lines-ticked = { $choice } (checked)
lines-type-yes-no = Please type yes or no.
lines-type-number = Type a number from 1 to { $count }.
lines-not-a-choice = "{ $word }" is not one of the choices. Type a number from 1 to { $count }.
lines-only-one = Only one answer here. Type a number from 1 to { $count }.
lines-not-a-medicine = "{ $word }" is not one of the numbers. Type a number from 1 to { $count }, or a medicine's name.
# The words typed in screen-reader mode.
words-yes = yes, yeah, yep, yup, y
words-no = no, nope, nah, n
# The keys for yes and no on the terminal: the first letter of each.
word-y = y
word-n = n
words-none = none, nothing
word-back = back
word-help = help

## Typed answers refused.
entry-no-date = Please type a date. Try it like this: Dec 10, 2026-12-10, tomorrow or next Thursday.
entry-not-a-date = I could not read "{ $typed }" as a date. Try it like this: Dec 10, 2026-12-10, tomorrow or next Thursday.
entry-past = { $date } has already passed. Please type the day of your procedure that is still to come.
entry-not-a-time = I could not read "{ $typed }" as a time. Try it like this: 7:30 am, 8 in the morning, 14:00 or noon.
entry-not-a-phone = "{ $typed }" does not look like a phone number. Try it like this: 555-123-4567, (555) 123-4567 ext 12, or +44 20 7946 0958.

## Messages of the commands.
stopped = Stopped. Your answers so far are saved in { $path }. Run `{ $command }` to carry on.
closed = The terminal closed or the input ended. Your answers so far are saved in { $path }. Run `{ $command }` to carry on.
print-again = To print this sheet again: prepcheck sheet { $checklist } --answers { $path }
blank-sheet = Nothing is answered yet ({ $path } does not exist): this is the blank sheet. Run `prepcheck walk` to answer the questions.
no-such-answers = { $path }: no such file. Check the path, or leave out --answers to use the answers saved by `prepcheck walk`.
set-aside = { $count ->
        [one] 1 of these answers does not fit the checklist as it is now. It is left out, and kept in { $path } under set-aside.
       *[other] { $count } of these answers do not fit the checklist as it is now. They are left out, and kept in { $path } under set-aside.
    }
answers-title = Your answers for "{ $title }", saved in { $path }
answers-set-aside = Set aside (they do not fit the checklist as it is now):
no-answers-yet = No answers are saved yet ({ $path } does not exist). Run `prepcheck walk` to answer the questions.
nothing-to-delete = Nothing to delete: no answers for "{ $checklist }" are saved in { $path }.
would-delete = These files would be deleted:
delete-files = { $count ->
        [one] Delete 1 file? It cannot be brought back.
       *[other] Delete { $count } files? They cannot be brought back.
    }
nothing-deleted = Nothing was deleted.
deleted = Deleted { $path }
forget-needs-yes = prepcheck forget asks before it deletes, and there is no terminal to ask on. These would be deleted:
forget-run-yes = Run `prepcheck forget --yes` to delete them.
sheet-open = The sheet is open in your browser, from { $path }. Print it from there.
sheet-open-failed = The sheet is in { $path }, but no browser could be opened ({ $why }). Open that file in your browser to print it.

## Problems the commands report.
cannot-write = { $path }: cannot write: { $why }
cannot-back-up = { $path }: cannot keep a backup: { $why }
cannot-delete = { $path }: cannot delete: { $why }
cannot-watch-signals = Cannot watch for Ctrl-C: { $why }
walk-needs-terminal = prepcheck walk asks questions, so it needs a terminal (this is not one).
walk-try-lines = To type the answers as lines instead, run: prepcheck walk --screen-reader
walk-try-sheet = To print the reminder sheet from saved answers, run:
file-not-changed = The file was not changed.
walk-file-not-changed = Your file was not changed. To go on, use --answers with another file, or run `{ $command } --restart` (the old file is kept as a backup).
answers-do-not-fit = These answers do not fit checklist "{ $checklist }".
no-answers-file = { $path }: no such file. Check the path.
no-pdf = prepcheck does not write PDF files. To make one, open the sheet in your browser and print it to PDF: prepcheck sheet --open
format-mismatch = --format { $format } does not fit a file ending in .{ $extension }; use a name that ends in { $extensions }
format-unknown = cannot tell the format of a file ending in .{ $extension }: name it .txt, .md, .html or .ics, or give --format text, plain, markdown, html or ics

## The FHIR export
fhir-none-of-these = None of these

## Problems with an answers file and its folder.
path-part-is-file = a part of this path is a file, not a folder
path-problem = { $path }: { $why }
file-cannot-read = { $path }: cannot read: { $why }
file-is-folder = { $path }: is a folder, not a file
file-not-regular = { $path }: is not a regular file
file-too-large = { $path }: is too large ({ $size } bytes); the most is { $most } bytes (1 MiB)
file-grew = { $path }: grew too large while being read
answers-cannot-save-in = { $folder }: answers cannot be saved in this folder: { $why }
answers-in-use = { $path } is open in another prepcheck. Finish that walk first (or close its window), then try again.
answers-cannot-lock = { $path }: cannot lock: { $why }

## Answers in a file that do not fit the checklist as it is now: each is set aside.
answer-unfit = item '{ $item }': { $why }
answer-no-such-question = there is no such question in version { $version } of the checklist
answer-twice = answered twice in the file
answer-too-long = the answer is longer than { $most } letters
answer-none-given = no answer given (~ is only for text, dates, times and phones)
answer-no-such-choice = there is no choice '{ $id }' (the choices are: { $choices })
answer-not-yes-no = expected yes or no, found '{ $found }'
answer-too-many-typed = more than { $most } medicines are typed
answer-name-too-long = a medicine's name is longer than { $most } letters
answer-not-in-list = '{ $id }' is not in the medicine list '{ $list }'
answer-not-a-phone = expected a phone number, found '{ $found }'
answer-not-a-date = expected a date like 2026-12-10, found '{ $found }'
answer-not-a-time = expected a time like 07:30, found '{ $found }'
answer-wrong-kind = expected { $expected }, found { $found }
answer-expects = { $kind ->
        [yes-no] yes or no
        [one-choice] one choice id
        [several-choices] a list of choice ids
        [medicines] a list of medicines ({"{"}known: [...], typed: [...]{"}"})
        [date] a date like 2026-12-10
        [time] a time like 07:30
        [phone] a phone number
        [info] seen
       *[other] text
    }
answer-found-text = '{ $text }'
answer-found-list = a list
answer-found-medicines = a medicine list
answers-other-checklist = these answers are for checklist '{ $found }', not '{ $checklist }'

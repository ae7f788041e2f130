### Every string a patient reads that is not checklist content: the walk, the sheet, the
### reminders, and the messages of every command (check, list and translate too). One file
### per language, with the same message ids (a test checks that es.ftl has every one of them).

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
walk-could-not-save = Could not save your answer in { $path }: { $why }
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
walk-came-back = { $count ->
        [one] 1 answer that did not fit before fits again, and is back: { $questions }.
       *[other] { $count } answers that did not fit before fit again, and are back: { $questions }.
    }
walk-replaced = { $count ->
        [one] 1 answer set aside before was replaced by a newer answer to its question.
       *[other] { $count } answers set aside before were replaced by newer answers to their questions.
    }
walk-left-out = { $count ->
        [one] To keep your file small, the oldest answer set aside was taken out of it.
       *[other] To keep your file small, the { $count } oldest answers set aside were taken out of it.
    }
walk-kept-in = Your answers as they were are kept in { $path }.
walk-file-changed = { $path } was changed by another program while this walk was open. That version is kept in { $backup }. Your answers from here on are saved as you give them.
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
stopped-nothing-saved = Stopped. Nothing was answered, so nothing was saved. Run `{ $command }` to start.
closed-nothing-saved = The terminal closed or the input ended. Nothing was answered, so nothing was saved. Run `{ $command }` to start.
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
forget-run-yes = Run `{ $command }` to delete them.
sheet-open = The sheet is open in your browser, from { $path }. Print it from there.
sheet-open-failed = The sheet is in { $path }, but no browser could be opened ({ $why }). Open that file in your browser to print it.

## Problems the commands report.
cannot-write = { $path }: cannot write: { $why }
cannot-back-up = { $path }: cannot keep a backup: { $why }
cannot-delete = { $path }: cannot delete: { $why }
cannot-watch-signals = Cannot watch for Ctrl-C: { $why }
stdout-closed = Standard output is closed, so nothing could be written. Write to a file with --output, or to a pipe.
stdout-failed = Cannot write to standard output: { $why }
settings-tz = TZ={ $tz } is not a time zone prepcheck knows, and reminders would go off at the wrong hour. Set TZ to a name like America/Chicago, or leave it unset to use the system's.
settings-today = PREPCHECK_TODAY must be a date from { $first } to { $last }, like 2026-12-01, not '{ $text }'
settings-now = PREPCHECK_NOW must be a time like 2026-12-01T09:00, on a day from { $first } to { $last }, not '{ $text }'
walk-needs-terminal = prepcheck walk asks questions, so it needs a terminal (this is not one).
walk-try-lines = To type the answers as lines instead, run: prepcheck walk --screen-reader
walk-try-sheet = To print the reminder sheet from saved answers, run:
file-not-changed = The file was not changed.
walk-file-not-changed = Your file was not changed. To go on, use --answers with another file, or run `{ $command } --restart` (the old file is kept as a backup).
walk-name-a-file = Nothing was changed. To go on, give --answers the name of a file, like --answers my-answers.yaml.
answers-do-not-fit = These answers do not fit checklist "{ $checklist }".
no-answers-file = { $path }: no such file. Check the path.
no-pdf = prepcheck does not write PDF files. To make one, open the sheet in your browser and print it to PDF: prepcheck sheet --open
format-mismatch = --format { $format } does not fit a file ending in .{ $extension }; use a name that ends in { $extensions }
format-unknown = cannot tell the format of a file ending in .{ $extension }: name it .txt, .md, .html or .ics, or give --format text, plain, markdown, html or ics

## The FHIR export
fhir-none-of-these = None of these

## Problems with an answers file and its folder.
path-part-is-file = a part of this path is a file, not a folder
path-is-folder-name = { $path }: this names a folder (it ends with /). Name a file in it, like { $path }answers.yaml.
io-not-found = there is no such file or folder
io-permission-denied = you do not have permission
io-disk-full = the disk is full
io-read-only = the disk can only be read, not written
io-is-folder = it is a folder, not a file
io-name-too-long = the name is too long
io-too-many-links = it is a link that leads back to itself
io-disk-error = the disk could not be read or written
output-holds-answers = { $path }: this file holds answers, so nothing is written over it. Choose another file name.
output-not-regular = { $path }: is not a regular file (it is a pipe, a device or a folder), so nothing is written over it. Choose a file name, or leave out --output to write to the screen.
no-such-folder = { $folder }: there is no such folder. Check the path: prepcheck does not make folders for --output.
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
answer-date-out-of-range = '{ $found }' is not a date from { $first } to { $last }
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

## What `check`, `list` and `translate` say of checklists, medicine lists and translations.
problem-warning = warning: { $message }
problem-yaml = { $error }
problem-yaml-too-many = too many values: a file may hold at most { $most } (each key, value, list and mapping counts, and an alias each time it is used)
problem-yaml-too-deep = lists and mappings are nested too deep here
problem-yaml-aliases = aliases repeat too much here (an alias counts each time it is used)
problem-character-kind = { $control ->
        [yes] a control character
       *[no] an invisible or direction-changing character
    }
problem-unsafe-character = { $what } ({ $code }) is not allowed here; remove it
problem-more-unsafe-characters = { $count ->
        [one] 1 more control or invisible character; remove it too
       *[other] { $count } more control or invisible characters; remove them too
    }
# What a finding of medication advice says is wrong, and what to write instead.
advice-why = { $kind ->
        [stop] speaks of stopping or holding "{ $medicine }" ("{ $phrase }"); only the care team decides that
        [change] speaks of changing "{ $medicine }" ("{ $phrase }"); only the care team decides that
        [restart] speaks of starting "{ $medicine }" again ("{ $phrase }"); only the care team decides that
        [continue] tells the reader to keep on with "{ $medicine }" ("{ $phrase }"); only the care team decides that
        [last-dose] speaks of the last dose of "{ $medicine }" ("{ $phrase }"); only the care team decides that
        [timing] gives a timing for "{ $medicine }" ("{ $phrase }"); only the care team decides when
       *[amount] gives an amount of "{ $medicine }" ("{ $phrase }"); only the care team decides how much
    }
advice-instead = { $kind ->
        [statement] Write it as a question for the care team (an `ask` line), such as: { $ask }
        [not-a-question] Only a question may say this, and this sentence is not one; ask the care team instead, such as: { $ask }
        [timing] Leave the timing to the care team: give none, not even in a question; ask instead, such as: { $ask }
       *[amount] Leave the amount to the care team: give none, not even in a question; ask instead, such as: { $ask }
    }
# The texts a patient reads, as problems name them.
text-title = title
text-procedure = procedure
text-section-title = section title
text-of-item = item '{ $item }': { $part ->
        [question] question
        [help] help
        [unanswered] unanswered
        [choice] choice
       *[choice-title] choice title
    }
text-sheet-line = item '{ $item }': sheet line ({ $place })
text-translated = '{ $key }'
check-advice = { $what } "{ $text }": { $why }. { $instead }
check-needs-medicines = { $what } is about medicines: add 'medicines: true' to the item, so the walk shows that medicine changes need their doctor
check-too-long = { $what } is { $count } characters long; keep it to { $most } or fewer, so that it fits on one screen
check-one-line = { $what } must be one line
check-holds-character = { $what } holds { $kind } ({ $code }); remove it
# A checklist.
check-in-item = item '{ $item }': { $problem }
check-missing-field = missing field `{ $key }`
check-empty = empty { $what ->
        [id] id
        [title] title
        [procedure] procedure
        [section-title] section title
       *[ask] question ('ask')
    }
check-empty-file = the file is empty: a checklist needs id, title, procedure, version, sources and sections
check-no-items = the checklist has no items
check-bad-id = id '{ $id }' may only hold lower-case letters, digits and '-'
check-duplicate-source = duplicate source id '{ $id }'
check-unreadable-source = source '{ $id }': { $file }: { $why }
check-needs-source = missing field `source`: { $why ->
        [text] its text, which is not a question,
        [help] its help, which is not a question,
        [unanswered] its `unanswered` to-do
       *[line] its { $place } line
    } gives an instruction, so the item needs the source passage it comes from (only a question for the care team may stand without one). Write, under the item: source: {"{"}from: { $from }, quote: "the words of the passage, as they are"{"}"}
check-closed-day-twice = closed-days: { $day } is listed twice
check-closed-day-not-a-date = closed-days: '{ $day }' is not a date like 2026-12-25
check-checked-only-several = only the choices of a several-choices item may be `checked`
check-empty-item-id = empty item id
check-bad-item-id = an item id may only hold lower-case letters, digits and '-'
check-duplicate-item = duplicate item id
check-role-misfit = role { $role } does not fit kind { $kind }
check-role-taken = role { $role } is already taken by '{ $first }'
check-title-only-step = only the choices of the item with role step have a title
check-catalogue-only-medicines = only kind medicines has 'catalogue' and 'groups'
check-choices-empty = 'choices' is empty; this kind needs at least one
check-needs-choices = this kind needs 'choices'
check-choices-only = only one-choice and several-choices have 'choices'
check-needs-catalogue = kind medicines needs 'catalogue'
check-unknown-catalogue = unknown catalogue '{ $name }' (known: { $known })
check-no-medicine-in-groups = no medicine of the catalogue is in these groups
check-bad-choice-id = choice id '{ $id }' may only hold lower-case letters, digits and '-'
check-duplicate-choice = duplicate choice id '{ $id }'
check-empty-label = choice '{ $id }' has an empty label
check-empty-choice-title = choice '{ $id }' has an empty title
check-source-unknown = { $context }source '{ $from }' is not in 'sources'
check-empty-quote = { $context }source: empty quote
check-quote-not-found = { $context }source: the quote is not in '{ $title }' word for word: "{ $quote }"
check-context-item = item '{ $item }':{" "}
check-context-line = item '{ $item }': sheet line:{" "}
check-line-one-place = item '{ $item }': sheet line needs exactly one of urgent, todo, ask, ride, bring, contact, expect
check-line-empty = item '{ $item }': sheet line is empty
check-expect-needs-source = item '{ $item }': sheet line: an expect line needs a `source` of its own, the passage that says it. Write, in the line: source: {"{"}from: { $from }, quote: "the words of the passage, as they are"{"}"}
check-unknown-placeholder = item '{ $item }': sheet line: unknown placeholder '{ $placeholder }' (use {"{"}answer{"}"} or {"{"}each{"}"})
check-each-needs-several = item '{ $item }': sheet line: {"{"}each{"}"} needs a several-choices or medicines item
check-line-if = item '{ $item }': sheet line: 'if' { $why }
check-yes-no-needs-if = item '{ $item }': sheet line of a yes-no item needs 'if: "yes"' or 'if: "no"'
check-not-earlier = item '{ $item }': condition names '{ $target }', which is not an earlier item (conditions may only look back)
check-not-an-item = item '{ $item }': condition names '{ $target }', which is not an item of this checklist{ $near ->
        [none] {""}
       *[other] {" "}(did you mean '{ $near }'?)
    }
check-condition-values = item '{ $item }': condition: { $why }
check-condition-shape = item '{ $item }': condition must be {"{"}item: ID, is: VALUE{"}"}, {"{"}any: [...]{"}"} or {"{"}all: [...]{"}"}, with a non-empty list
check-not-comparable = '{ $item }' is a { $kind } item, whose answers cannot be compared
check-no-such-value = '{ $item }' has no choice '{ $bad }' (it has: { $has }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    })
check-grade = reads at grade { $grade }; aim for grade { $target } or lower: shorter sentences and everyday words
check-hard-words = a word patients may not know: { $words }; explain it in parentheses or in the help
list-comma = { $rest }, { $last }
check-hard-word = '{ $word }'
check-hard-word-say = '{ $word }' (say: { $plain })
# A medicine list.
check-medicine = medicine '{ $id }': { $problem }
check-list-empty-id = empty id
check-list-duplicate-id = duplicate id (first on line { $first })
check-list-empty-source = empty source
check-list-empty-name = empty name
check-list-name-one-line = a name must be one line
check-list-name-claimed = the name '{ $name }' is also claimed by '{ $owner }'
check-list-known-as = known-as '{ $brand }' is not one of its brands
check-list-translates-other = this translates medicine list '{ $found }', not '{ $expected }'
check-not-a-language = '{ $code }' is not a language prepcheck can translate into (es)
check-list-missing-medicine = missing medicine '{ $id }'
check-list-not-a-medicine = '{ $id }' is not a medicine of list '{ $list }'
check-list-name-and-source = a name and a source are needed
# A checklist's translation.
check-missing-text = missing text '{ $key }'
check-not-a-text = '{ $key }' is not a text of checklist '{ $checklist }'
check-translates-other = this translates checklist '{ $found }', not '{ $expected }'
check-empty-text = '{ $key }': empty text
check-placeholders-differ = '{ $key }': the placeholders differ from the English ({ $placeholders })
check-stale = '{ $key }' is stale: the English changed since it was translated (now "{ $text }", fingerprint { $fingerprint })
check-translates-missing = it translates { $what ->
        [checklist] checklist
       *[list] medicine list
    } '{ $of }', which is not there
# Files and folders.
check-same-id = { $kind ->
        [checklist] checklist id '{ $id }' is also the id of { $first }; each checklist needs its own id
       *[catalogue] catalogue id '{ $id }' is also the id of { $first }; each catalogue needs its own id
    }
check-source-file = { $kind ->
        [outside] a source path must stay inside the checklist's folder
        [no-built-in] no such built-in file
       *[not-utf8] it is not UTF-8 text
    }
check-cannot-read-folder = cannot read folder: { $why }
check-file = { $kind ->
        [io] cannot read: { $why }
        [folder] is a folder, not a file
        [not-regular] is not a regular file
        [too-large] is too large ({ $size } bytes); the most is { $most } bytes (1 MiB)
       *[grew] grew too large while being read
    }
# What `check` prints.
check-ok = ok: { $name }: { $summary }
check-built-in = { $name } (built in)
check-summary-checklist = checklist '{ $id }', { $items ->
        [one] 1 item
       *[other] { $items } items
    }
check-summary-catalogue = catalogue '{ $id }', { $medicines ->
        [one] 1 medicine
       *[other] { $medicines } medicines
    }
check-summary-translation = { $lang } translation, { $texts ->
        [one] 1 text
       *[other] { $texts } texts
    }
check-summary-translation-of = { $lang } translation of { $what ->
        [checklist] checklist
       *[list] medicine list
    } '{ $of }', { $texts ->
        [one] 1 text
       *[other] { $texts } texts
    }
check-problems = { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }
check-warnings = { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
check-found = { $summary } found
check-found-strict = { $summary } found (--strict fails on them)
check-source-text = text
check-source-help = help
check-source-choice = choice
check-source-choice-checked = choice (checked)
check-source-unanswered = unanswered
check-source-unanswered-ask = unanswered ask
check-source-when = when { $condition }
check-source-from = from { $source }: "{ $quote }"
check-source-none = no source: a question, not an instruction
run-check = Run `prepcheck check` for details once these are fixed.
no-such-checklist = There is no checklist '{ $id }'. Run `prepcheck list` to see them.
# What `list` prints.
list-checklist = { $id }	{ $title }	version { $version }
list-catalogue = medicines/{ $id }	{ $title }	version { $version }, { $medicines ->
        [one] 1 medicine
       *[other] { $medicines } medicines
    }
list-translation = { $of } ({ $lang })	{ $title }	translation, { $status }	{ $origin }
list-translation-names = { $count ->
        [one] 1 name
       *[other] { $count } names
    }
list-built-in = built in
list-overridden = ({ $origin }, overridden)
# What `translate` says.
translate-which-language = say which language to translate into: prepcheck translate CHECKLIST --lang es
translate-header = { $lang } translation of checklist '{ $checklist }'. For each text: `english` is the fingerprint of
    the English text it translates (shown above it), `text` the translation. Check it
    with `prepcheck check`.
translate-status = awaiting review by the clinic
translate-was = was (for older English): { $text }
translate-nothing-printed = Nothing was printed.
answers-too-large-to-save = the answers would take { $size } bytes, more than the { $most } bytes (1 MiB) a file may hold, so they were not saved
answers-yaml-syntax = this is not written the way an answers file is (look at this line, and the one before)
answers-yaml-not-text = this is not a text file (UTF-8)
answers-yaml-twice = '{ $key }' is here twice
answers-yaml-twice-unnamed = the same name is here twice
answers-yaml-missing = an answers file needs a '{ $key }:' line
answers-yaml-unknown = '{ $key }' is not part of an answers file
answers-yaml-wrong-kind = the value here is not of the kind this place needs
answers-yaml-no-anchor = this alias (*name) names no anchor (&name)
answers-yaml-too-many = the file holds too much: an answers file may hold at most { $most } values (each answer, name, list and mapping counts, and an alias each time it is used)

## response
response-json-syntax = this is not well-formed JSON (look at this place, and just before it)
response-not-text = this is not a text file (UTF-8)
response-other-resource = this is a FHIR { $found }, not a QuestionnaireResponse
response-no-resource-type = this JSON is not a FHIR resource: it has no resourceType
response-wrong-kind = the value here is not of the kind a QuestionnaireResponse has in this place
response-no-questionnaire = the response does not say which Questionnaire it answers (questionnaire: URL|version)
response-other-questionnaire = this response answers the Questionnaire { $found }, not { $expected }
response-entered-in-error = this response is marked entered-in-error, so it is not a record to use
response-too-deep = the items are nested more than { $most } deep
response-too-many = the response holds more than { $most } items and answers
response-walk-import = { $path } is a FHIR QuestionnaireResponse. prepcheck walk keeps answers in a file of its own, so { $path } was not changed. To carry on from it, first run: { $command }
import-answers-exist = { $path } already holds answers, so nothing was imported and it was not changed. To keep both, name a new file with --answers. To replace them, first run: { $command }
import-done = { $count ->
        [one] 1 answer was saved in { $path }. To carry on: { $command }
       *[other] { $count } answers were saved in { $path }. To carry on: { $command }
    }
## clinic
copy-unknown = There is no built-in checklist '{ $id }'. The built-in checklists are: { $known }.
copy-not-empty = { $dir } already has files in it, and prepcheck never writes over a clinic's files. Name a new folder, or an empty one.
copy-cannot-write = Cannot write { $path }: { $why }. Nothing after it was copied.
copy-done = Copied checklist '{ $id }' into { $dir } ({ $count } files). Check it with: prepcheck --checklists { $dir } check
copy-header-checklist = Your clinic's copy of checklist '{ $id }'. Change or add questions here.
    Keep `id` as it is (saved answers are kept under it), and raise `version` when you change anything.
    After each edit run: prepcheck --checklists { $dir } check
copy-header-translation = The translation ({ $lang }) of checklist '{ $id }'. After you change the checklist, bring this file up to date:
    prepcheck --checklists { $dir } --lang { $lang } translate { $id } --update { $dir }/{ $file } > new.yaml
    Fill in the empty texts of new.yaml, then put it in place of this file.
copy-header-medicines = A medicine list: names only (no hold times, no doses, no advice).
    Add the names your patients use; keep each `id` as it is.
copy-header-source = The clinic text that every instruction of the checklist quotes word for word.
    Put your clinic's own text here, and quote it in each `source`.
translation-needs = { $count } of { $total } { $lang ->
        [es] Spanish
       *[other] translated
    } texts { $count ->
        [one] needs
       *[other] need
    } translating: run `{ $command }`, fill in its empty texts, and put it in place of { $file }
walk-only-in-english = Some questions are only in English for now: { $count } of { $total } texts are not translated yet.
problem-yaml-quote-answer = write "{ $answer }" in quotes: without them YAML reads { $answer } as true or false, not as the answer
check-same-version = this checklist differs from the built-in '{ $id }' but has a version the built-in has had ({ $version }; it is at { $built }): raise `version` above { $built }. A FHIR Questionnaire is known by its url and version ({ $url }|{ $version }), so two different ones with the same pair collide in a health record.
## diary
diary-date = { $weekday }, { $month } { $day }
diary-day = { $day }: { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }, average { $average }, lowest { $lowest }, highest { $highest }
diary-averages = Your average pain score was { $before } before the trial and { $during } during it.
diary-difference-lower = That is { $by } lower during the trial.
diary-difference-higher = That is { $by } higher during the trial.
diary-difference-same = That is the same before and during the trial.
diary-average-before = Your average pain score before the trial was { $before }.
diary-average-during = Your average pain score during the trial was { $during }.
diary-before = Before the trial
diary-during = During the trial
diary-after = After the trial
diary-when = { $day }, { $time }
diary-entry = { $when }: { $score } out of 10
diary-saved = Saved: { $entry }.
diary-score-wrong = "{ $typed }" is not a pain score. Type a whole number from 0 (no pain) to 10 (the worst pain you can imagine).
diary-score-needed = Type your pain from 0 to 10, like this: { $command }
diary-note-too-long = The note is too long ({ $count } letters). It can have at most { $most }.
diary-full = Your diary is full: it keeps at most { $most } entries. Nothing was saved.
diary-empty = Your pain diary is empty. To log your pain, type: { $command }
diary-no-entry = There is no entry { $number }. Your diary has { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }. To see them, type: { $command }
diary-edited = Entry { $number } is now: { $entry }.
diary-deleted = Deleted entry { $number }: { $entry }.
diary-trial-saved = Your trial: { $start } to { $end }.
diary-trial-ask = When did your trial start? When does it end? Tell prepcheck once, like this: { $command }
diary-trial-from-answers = Your answers say your trial is on { $start }. When does it end? Tell prepcheck once, like this: { $command }
diary-date-wrong = "{ $typed }" is not a date prepcheck can read. Write it like 2026-12-14 or December 14.
diary-trial-ends-first = The trial cannot end before it starts.
diary-set-aside = { $count ->
        [one] 1 entry
       *[other] { $count } entries
    } in { $path } could not be read. They are kept as they were written, under "set-aside".
diary-answers-title = Your pain diary ({ $count ->
        [one] 1 entry
       *[other] { $count } entries
    }), kept in { $path }
diary-title = Your pain diary
diary-scale = Pain from 0 (no pain) to 10 (the worst pain you can imagine).
diary-chart-shows = The chart shows the average of each day.
diary-nothing-yet = Nothing is written in your diary yet.
diary-column-day = Day
diary-column-entries = Entries
diary-column-average = Average
diary-column-lowest = Lowest
diary-column-highest = Highest
diary-no-such-format = The diary can be shown as text, plain, markdown or html.
diary-could-do-note = What I could do today: { $text }
diary-noticed-note = Something new I noticed: { $text }
diary-time-wrong = "{ $typed }" is not a time prepcheck can read. Write it like 8:30 AM or 20:00.
diary-reminders-saved = Your calendar will remind you to log your pain at { $times } each day of your trial. Export it again with: prepcheck sheet --output reminders.ics
reminder-diary = Pain diary: write down your pain now (0 to 10)
reminder-diary-how = A reminder from your pain diary. Type your pain from 0 (no pain) to 10 (the worst pain you can imagine), like this: prepcheck diary 6
diary-ask-pain = How bad is your pain right now?
diary-ask-pain-help = 0 is no pain. 10 is the worst pain you can imagine.
diary-pain-0 = 0: no pain
diary-pain-5 = 5: pain in the middle
diary-pain-10 = 10: the worst pain you can imagine
diary-ask-could-do = What could you do today? (You can skip this: press Enter.)
diary-ask-noticed = Did you notice anything new? (You can skip this: press Enter.)
diary-ask-trial-start = When did your trial start, or when will it start?
diary-ask-trial-end = When does your trial end?
diary-welcome = prepcheck asks { $questions }, one at a time. It takes about a minute. Your answers go in your pain diary.

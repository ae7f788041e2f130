### Las palabras de prepcheck en español: la guía de preguntas, la hoja, los recordatorios y
### los mensajes de walk, sheet, answers y forget. Los mismos identificadores que en.ftl.

## Siempre presente: la frase sobre los medicamentos.
medication-statement = Solo su médico puede cambiar sus medicinas. No deje de tomar ninguna medicina, no se salte ninguna dosis y no cambie cómo la toma, a menos que su médico o su equipo de salud se lo diga.

## Fechas y horas en palabras: "jueves, 10 de diciembre de 2026", "7:30 de la noche".
date-long = { $weekday }, { $day } de { $month } de { $year }
time-of-day = { $hour12 }:{ $minute } { $hour24 ->
        [0] de la noche
        [1] de la madrugada
        [2] de la madrugada
        [3] de la madrugada
        [4] de la madrugada
        [5] de la madrugada
        [12] del mediodía
        [13] de la tarde
        [14] de la tarde
        [15] de la tarde
        [16] de la tarde
        [17] de la tarde
        [18] de la tarde
        [19] de la noche
        [20] de la noche
        [21] de la noche
        [22] de la noche
        [23] de la noche
       *[other] de la mañana
    }
half-am = a. m.
half-pm = p. m.
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Cuánto falta para un día.
days-away =
    { $days ->
        [0] hoy
        [1] mañana
        [-1] ayer
       *[other] { $future ->
            [yes] en { $count } días
           *[no] hace { $count } días
        }
    }

## Listas: "a y b", "a, b y c".
list-two = { $first } y { $last }
list-more = { $rest } y { $last }

## Respuestas en palabras.
answer-yes = sí
answer-no = no
answer-none = ninguna
answer-read = leído
answer-not-known = todavía no lo sabe
answer-not-given = sin responder

## Qué es una medicina, después de su nombre en la hoja.
group-blood-thinner = una medicina para adelgazar la sangre
group-pain-reliever = una medicina para el dolor que puede hacerle sangrar más
group-other-pain-reliever = una medicina para el dolor
group-supplement = un suplemento o hierba
group-prescription-fish-oil = un aceite de pescado con receta médica
group-stomach-medicine = una medicina para el estómago que contiene salicilato
medicine-named = una medicina que usted escribió
medicine-about = { $name }, { $what }

## La hoja.
sheet-name = Nombre
sheet-procedure = Procedimiento
sheet-step = Paso
sheet-date = Fecha
sheet-arrive = Hora de llegada
sheet-made-on = Fecha de la hoja
sheet-when-date = { $date } ({ $away })
sheet-calls = Llame a su equipo de salud
# La llamada que pide una medicina para adelgazar la sangre: nombra las medicinas, nunca qué hacer con ellas.
sheet-call-blood-thinners = Llame pronto a su equipo de salud para hablar de { $count ->
        [one] su medicina para adelgazar la sangre
       *[other] sus medicinas para adelgazar la sangre
    }: { $medicines }.
sheet-call-questions = Llame a su equipo de salud con las preguntas de esta hoja.
sheet-calls-none = Todavía no tiene que llamar.
sheet-expect = Qué va a pasar
sheet-expect-none = Diga para qué paso se prepara, y aquí verá qué va a pasar.
sheet-todo = Lo que falta hacer
sheet-todo-none = No le falta nada.
sheet-questions = Preguntas para su equipo de salud
sheet-questions-more = Más preguntas para su equipo de salud
sheet-questions-blood-thinners = Preguntas sobre sus medicinas para adelgazar la sangre
sheet-questions-pain-medicines = Preguntas sobre sus medicinas para el dolor
sheet-questions-supplements = Preguntas sobre sus suplementos y otras medicinas
sheet-questions-other-medicines = Preguntas sobre sus medicinas
sheet-questions-none = Todavía no hay. Anote las que se le ocurran.
sheet-about = Sobre { $about }
sheet-ride = Volver a casa
sheet-bring = Qué llevar
sheet-bring-ask = Pregunte a su equipo de salud qué debe llevar, y anótelo aquí.
sheet-line-to-write-on = Una línea para escribir
sheet-care-team = Su equipo de salud
sheet-not-set = Todavía no está anotado.
sheet-answer-the-question = Responda: { $question }

## Recordatorios del calendario.
reminder-urgent = Llame a su equipo de salud
reminder-todo = Lo que falta hacer antes del procedimiento
reminder-questions = Llame a su equipo de salud con sus preguntas
reminder-ride = Volver a casa
reminder-ride-call = Llame a la persona con quien va a volver a casa para ponerse de acuerdo. Si se va a quedar a dormir, dígale qué día debe ir a buscarle.
reminder-bring = Prepare lo que tiene que llevar mañana
reminder-bring-written = Lo que anotó en "Qué llevar" en su hoja
reminder-arrive = Hora de llegada: { $time }.
reminder-tomorrow = Mañana: { $procedure }.
reminder-today = Hoy: { $procedure }.

## La guía de preguntas.
walk-welcome = prepcheck le hace { $questions }, una por una. Tarda unos { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }. Al final tiene una hoja para imprimir y llevar.
# Cuántas preguntas: "al menos" mientras las respuestas pueden añadir otras.
walk-questions = { $more ->
        [yes] { $questions ->
            [one] al menos 1 pregunta
           *[other] al menos { $questions } preguntas
        }
       *[no] { $questions ->
            [one] 1 pregunta
           *[other] { $questions } preguntas
        }
    }
walk-saved-in = Cada respuesta se guarda en seguida, en { $path }.
walk-how-to-stop = Para parar, oprima Ctrl-C. Para seguir después, escriba { $command }.
walk-saved-answers = Tiene respuestas guardadas en { $path }.
walk-what-now = ¿Qué quiere hacer?
walk-carry-on = Seguir donde paré
walk-see-sheet = Ver mi hoja
walk-change = Cambiar una respuesta
walk-start-over = Empezar de nuevo (sus respuestas de antes quedan en una copia)
walk-which-change = ¿Qué respuesta quiere cambiar?
walk-progress = Pregunta { $number } de { $more ->
        [yes] al menos { $total }
       *[no] { $total }
    }: { $section }
walk-dropped = Con esa respuesta, estas ya no cuentan, y se quitaron sus respuestas: { $questions }.
walk-could-not-save = No se pudo guardar su respuesta: { $why }
walk-hint-name = Va en su hoja, para que la clínica sepa que es suya. Puede dejarlo en blanco.
walk-hint-phone = Escríbalo así: 555-123-4567, con ext 12 si tiene. Déjelo en blanco si todavía no lo sabe.
walk-hint-time = Escríbala así: 7:30, 8 de la mañana, 14:00 o mediodía. Déjela en blanco si todavía no la sabe.
walk-hint-text = Déjelo en blanco y oprima Enter si todavía no lo sabe.
walk-hint-date = Puede escribirla así: 10 de dic, mañana o el jueves. Déjela en blanco si todavía no la sabe.
walk-saved-as = Guardado: { $answer }.
walk-is-that-right = { $answer }. ¿Está bien?
walk-medicines-full = Esta lista guarda { $most } nombres como mucho. Déjelo en blanco y oprima Enter, y hable de las otras medicinas con su equipo de salud.
walk-all-done = Terminó. Sus respuestas:
walk-they-are-saved = Están guardadas en { $path }.
walk-too-long = Tiene más de { $limit } letras. Escríbalo más corto, por favor.
walk-which-day = ¿Qué { $weekday } quiere decir?
walk-which-time = ¿Es de la mañana o de la tarde?
# Una hora en palabras, para leerla: "7:30 de la mañana", "12:00 del mediodía".
time-in-words = { $time } { $part ->
        [small] de la madrugada
        [morning] de la mañana
        [noon] del mediodía
        [afternoon] de la tarde
        [evening] de la tarde
       *[night] de la noche
    }
walk-check-again = Con ese cambio, revise otra vez estas respuestas: { $questions }.
walk-none-of-these = ¿No toma ninguna de estas?
walk-you-take = Usted toma: { $medicines }. ¿Está bien?
walk-none-and-others = "Ninguna de estas" no puede ir con una medicina. Primero desmarque las medicinas, o deje sin marcar "Ninguna de estas".
walk-medicine-too-long = Ese nombre tiene más de { $limit } letras. Escríbalo más corto, por favor.
walk-changed = Esta lista de preguntas cambió desde que guardó sus respuestas. { $kept ->
        [one] 1 respuesta sigue sirviendo.
       *[other] { $kept } respuestas siguen sirviendo.
    }
walk-answer-again = Por favor, responda otra vez: { $questions }.
walk-gone = { $gone ->
        [one] 1 respuesta era de preguntas que ya no están.
       *[other] { $gone } respuestas eran de preguntas que ya no están.
    }
walk-kept-in = Sus respuestas como estaban quedan en { $path }.
walk-starting-over = Empezamos de nuevo. Sus respuestas de antes quedan en { $backup }. Las nuevas se guardan en { $path }.

## Las teclas, en la terminal.
keys-yes-no = Flechas arriba y abajo, o S y N: elegir. Enter: responder.
keys-one = Flechas arriba y abajo: moverse. Enter: elegir.
keys-several = Flechas arriba y abajo: moverse. Espacio: marcar o desmarcar. Enter: listo (sin marcar nada si no hay ninguna).
keys-medicines = Flechas arriba y abajo: moverse. Espacio: marcar o desmarcar. Para buscar o añadir una medicina, escriba su nombre. Enter: listo.
keys-medicines-typing = Flechas arriba y abajo: moverse. Enter: marcar la fila con >. Retroceso: cambiar el nombre. Esc: borrar el nombre.
keys-text = Escriba su respuesta y oprima Enter.
keys-read = Oprima Enter cuando lo haya leído.
keys-read-on = Enter o flecha abajo: seguir leyendo.
keys-back = Esc: volver.
choice-yes = Sí
choice-no = No
choice-go-on = Bien, seguir
choose-yes-no = Elija Sí o No y oprima Enter.
choose-one = Elija una con las flechas y oprima Enter.
row-none-of-these = Ninguna de estas
row-typed = { $name } (tal como lo escribió)
row-add-typed = Añadir "{ $name }" como otra medicina
row-add-typed-supplement = Añadir "{ $name }" como otro suplemento o hierba
row-add-known = Añadir { $medicine }
list-typed = Escribió: { $typed }
your-answer-now = Su respuesta ahora: { $answer }
sorry = Perdón: { $problem }
more-above = { $count ->
        [one] (1 línea más arriba)
       *[other] ({ $count } líneas más arriba)
    }
more-below = { $count ->
        [one] (1 línea más abajo)
       *[other] ({ $count } líneas más abajo)
    }

## Las teclas, en el modo para lector de pantalla.
lines-important = Importante: { $text }
lines-back = Escriba atrás para volver, o ayuda para oír esto otra vez.
lines-help = Escriba ayuda para oír esto otra vez.
lines-yes-no = Escriba sí o no y oprima Enter.
lines-one = Escriba el número de su respuesta y oprima Enter.
lines-several-none = Escriba los números de todas las que correspondan, con comas o espacios entre ellos, y oprima Enter. Si oprime solo Enter, quiere decir que no corresponde ninguna.
lines-several-keep = Escriba los números de todas las que correspondan, con comas o espacios entre ellos, y oprima Enter. Si oprime solo Enter, quedan las que ya están marcadas. Escriba ninguna si no corresponde ninguna.
lines-text = Escriba su respuesta y oprima Enter.
lines-text-keep = Escriba su respuesta y oprima Enter. Si oprime solo Enter, queda la respuesta que ya tenía.
lines-read = Oprima Enter para seguir.
lines-medicines = Escriba los números o los nombres de todas las que toma, con comas entre ellos, y oprima Enter. Escriba ninguna si no toma ninguna de estas.
lines-medicines-keep = Escriba los números o los nombres de todas las que toma, con comas entre ellos, y oprima Enter. Si oprime solo Enter, quedan las que ya están marcadas. Escriba ninguna si no toma ninguna de estas.
lines-not-readable = Perdón, no pude leer eso. Escríbalo otra vez, por favor.
lines-ticked = { $choice } (marcada)
lines-type-yes-no = Por favor, escriba sí o no.
lines-type-number = Escriba un número del 1 al { $count }.
lines-not-a-choice = "{ $word }" no es una de las respuestas. Escriba un número del 1 al { $count }.
lines-only-one = Aquí va una sola respuesta. Escriba un número del 1 al { $count }.
lines-not-a-medicine = "{ $word }" no es uno de los números. Escriba un número del 1 al { $count }, o el nombre de una medicina.
# Las palabras que se escriben en el modo para lector de pantalla.
words-yes = sí, si, s, claro
words-no = no, n
# Las teclas para sí y no en la terminal: la primera letra de cada una.
word-y = s
word-n = n
words-none = ninguna, ninguno, nada
word-back = atrás
word-help = ayuda

## Respuestas que no se pueden leer.
entry-no-date = Escriba una fecha, así: 10 de dic, 2026-12-10, mañana o el jueves.
entry-not-a-date = No pude leer "{ $typed }" como fecha. Escríbala así: 10 de dic, 2026-12-10, mañana o el jueves.
entry-past = El { $date } ya pasó. Escriba el día de su procedimiento, que todavía no llegó.
entry-not-a-time = No pude leer "{ $typed }" como hora. Escríbala así: 7:30, 8 de la mañana, 14:00 o mediodía.
entry-not-a-phone = "{ $typed }" no parece un número de teléfono. Escríbalo así: 555-123-4567, (555) 123-4567 ext 12 o +52 55 1234 5678.

## Mensajes de los comandos.
stopped = Paró. Sus respuestas están guardadas en { $path }. Escriba `{ $command }` para seguir.
closed = Se cerró la terminal o terminó la entrada. Sus respuestas están guardadas en { $path }. Escriba `{ $command }` para seguir.
print-again = Para imprimir esta hoja otra vez: prepcheck sheet { $checklist } --answers { $path }
blank-sheet = Todavía no hay respuestas ({ $path } no existe): esta es la hoja en blanco. Escriba `prepcheck walk` para responder las preguntas.
no-such-answers = { $path }: no existe ese archivo. Revise el nombre, o quite --answers para usar las respuestas que guardó `prepcheck walk`.
set-aside = { $count ->
        [one] 1 de estas respuestas no sirve para la lista de preguntas de ahora. Se deja fuera, y queda en { $path } bajo set-aside.
       *[other] { $count } de estas respuestas no sirven para la lista de preguntas de ahora. Se dejan fuera, y quedan en { $path } bajo set-aside.
    }
answers-title = Sus respuestas para "{ $title }", guardadas en { $path }
answers-set-aside = Apartadas (no sirven para la lista de preguntas de ahora):
no-answers-yet = Todavía no hay respuestas guardadas ({ $path } no existe). Escriba `prepcheck walk` para responder las preguntas.
nothing-to-delete = No hay nada que borrar: no hay respuestas de "{ $checklist }" en { $path }.
would-delete = Se borrarían estos archivos:
delete-files = { $count ->
        [one] ¿Borrar 1 archivo? No se puede recuperar.
       *[other] ¿Borrar { $count } archivos? No se pueden recuperar.
    }
nothing-deleted = No se borró nada.
deleted = Se borró { $path }
forget-needs-yes = prepcheck forget pregunta antes de borrar, y no hay una terminal para preguntar. Se borrarían:
forget-run-yes = Escriba `prepcheck forget --yes` para borrarlos.
sheet-open = La hoja está abierta en su navegador, desde { $path }. Imprímala desde ahí.
sheet-open-failed = La hoja está en { $path }, pero no se pudo abrir un navegador ({ $why }). Abra ese archivo en su navegador para imprimirla.

## Problemas que dicen los comandos.
cannot-write = { $path }: no se puede escribir: { $why }
cannot-back-up = { $path }: no se puede guardar una copia: { $why }
cannot-delete = { $path }: no se puede borrar: { $why }
cannot-watch-signals = No se puede atender Ctrl-C: { $why }
walk-needs-terminal = prepcheck walk hace preguntas, y necesita una terminal (esta no lo es).
walk-try-lines = Para escribir las respuestas como líneas, escriba: prepcheck walk --screen-reader
walk-try-sheet = Para imprimir la hoja con las respuestas guardadas, escriba:
file-not-changed = El archivo no cambió.
walk-file-not-changed = Su archivo no cambió. Para seguir, use --answers con otro archivo, o escriba `{ $command } --restart` (el archivo de antes queda como copia).
answers-do-not-fit = Estas respuestas no sirven para la lista "{ $checklist }".
no-answers-file = { $path }: no existe ese archivo. Revise el nombre.
no-pdf = prepcheck no escribe archivos PDF. Para hacer uno, abra la hoja en su navegador e imprímala como PDF: prepcheck sheet --open
format-mismatch = --format { $format } no va con un archivo que termina en .{ $extension }; use un nombre que termine en { $extensions }
format-unknown = no se sabe el formato de un archivo que termina en .{ $extension }: llámelo .txt, .md, .html o .ics, o use --format text, plain, markdown, html o ics

## The FHIR export
fhir-none-of-these = Ninguna de estas

## Problems with an answers file and its folder.
path-part-is-file = una parte de esta ruta es un archivo, no una carpeta
path-problem = { $path }: { $why }
file-cannot-read = { $path }: no se puede leer: { $why }
file-is-folder = { $path }: es una carpeta, no un archivo
file-not-regular = { $path }: no es un archivo común
file-too-large = { $path }: es demasiado grande ({ $size } bytes); lo más es { $most } bytes (1 MiB)
file-grew = { $path }: creció demasiado mientras se leía
answers-cannot-save-in = { $folder }: no se pueden guardar respuestas en esta carpeta: { $why }
answers-in-use = { $path } está abierto en otro prepcheck. Termine esas preguntas primero (o cierre su ventana), y vuelva a intentarlo.
answers-cannot-lock = { $path }: no se puede bloquear: { $why }

## Answers in a file that do not fit the checklist as it is now: each is set aside.
answer-unfit = pregunta '{ $item }': { $why }
answer-no-such-question = no hay esa pregunta en la versión { $version } de la lista
answer-twice = tiene dos respuestas en el archivo
answer-too-long = la respuesta tiene más de { $most } letras
answer-none-given = no tiene respuesta (~ es solo para texto, fechas, horas y teléfonos)
answer-no-such-choice = no hay una opción '{ $id }' (las opciones son: { $choices })
answer-not-yes-no = se esperaba yes o no, y dice '{ $found }'
answer-too-many-typed = tiene más de { $most } medicinas escritas
answer-name-too-long = el nombre de una medicina tiene más de { $most } letras
answer-not-in-list = '{ $id }' no está en la lista de medicinas '{ $list }'
answer-not-a-phone = se esperaba un número de teléfono, y dice '{ $found }'
answer-not-a-date = se esperaba una fecha como 2026-12-10, y dice '{ $found }'
answer-not-a-time = se esperaba una hora como 07:30, y dice '{ $found }'
answer-wrong-kind = se esperaba { $expected }, y dice { $found }
answer-expects = { $kind ->
        [yes-no] yes o no
        [one-choice] el id de una opción
        [several-choices] una lista de ids de opciones
        [medicines] una lista de medicinas ({"{"}known: [...], typed: [...]{"}"})
        [date] una fecha como 2026-12-10
        [time] una hora como 07:30
        [phone] un número de teléfono
        [info] seen
       *[other] texto
    }
answer-found-text = '{ $text }'
answer-found-list = una lista
answer-found-medicines = una lista de medicinas
answers-other-checklist = estas respuestas son de la lista '{ $found }', no de '{ $checklist }'

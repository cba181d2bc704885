SELECT nextval('file_id_seq')

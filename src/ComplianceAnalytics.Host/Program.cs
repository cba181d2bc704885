System.Console.WriteLine("compliance");
